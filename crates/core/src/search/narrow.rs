//! Narrowing: while the reader types, a term usually extends the one before it (`ㄹ` → `라`
//! → `라ㅇ` → `라이` → `라인`, `k` → `k8`). When every word the new term can match is matched
//! by the earlier one too, the search reads only the words the earlier term matched
//! instead of the whole vocabulary. [`Term::narrows`] says when that holds. It reasons
//! about the sets of characters each position of a term accepts and answers no whenever
//! it cannot tell, which only costs a full scan.

use super::hangul::{initial_of, Syllable};
use super::{Last, Term};

/// What one position of a term accepts.
#[derive(Clone, Copy, Debug)]
enum Slot {
    /// This character exactly (a text term's characters before its last).
    Exact(char),
    /// Any syllable with this initial (each position of a term of initials).
    Initial(char),
    /// A text term's last character, matched leniently.
    Last(Last),
}

/// A set of characters, in the shapes the matcher's sets take.
#[derive(Clone, Copy, Debug)]
enum Chars {
    One(char),
    /// Any syllable with this initial consonant.
    Initial(char),
    /// Any syllable with this initial and vowel (and any final or none).
    Open(Syllable),
}

impl Chars {
    fn all_start_with(self, initial: char) -> bool {
        match self {
            Chars::One(c) => initial_of(c) == Some(initial),
            Chars::Initial(i) => i == initial,
            Chars::Open(open) => open.initial_jamo() == initial,
        }
    }
}

impl Term {
    /// What the term's position `at` accepts, if it has that many positions.
    fn slot(&self, at: usize) -> Option<Slot> {
        match self {
            Term::Initials(initials) => initials.get(at).map(|&i| Slot::Initial(i)),
            Term::Text { head, last } => match head.get(at) {
                Some(&c) => Some(Slot::Exact(c)),
                None => (at == head.len()).then_some(Slot::Last(last.0)),
            },
        }
    }

    /// How many positions (characters) the term has.
    fn positions(&self) -> usize {
        match self {
            Term::Initials(initials) => initials.len(),
            Term::Text { head, .. } => head.len() + 1,
        }
    }

    /// Whether every word `next` matches is matched by this term as well, so that `next`
    /// need be looked for only in the words this one matched. True when `next` is this term
    /// typed further, in every way the matcher allows a term to be typed further; false
    /// when it cannot be told.
    pub fn narrows(&self, next: &Term) -> bool {
        // Where `next` matches, this term must match from the same start: position by
        // position over the positions they share.
        let last = self.positions() - 1;
        if last >= next.positions() {
            return false;
        }
        let slot = |term: &Term, at: usize| term.slot(at).expect("within the term");
        let head_covered = (0..last).all(|at| {
            let wide = slot(self, at);
            all_alternatives(slot(next, at), &mut |set, _| accepts_one(wide, set))
        });
        let following = next.slot(last + 1);
        head_covered
            && all_alternatives(slot(next, last), &mut |set, then| {
                // What `next` has after this position: the syllable the moved consonant
                // starts, or its next position's characters.
                let starts_with = |initial| match (then, following) {
                    (Some(then), _) => then.all_start_with(initial),
                    (None, Some(slot)) => {
                        all_alternatives(slot, &mut |after, _| after.all_start_with(initial))
                    }
                    (None, None) => false,
                };
                accepts_last(slot(self, last), set, &starts_with)
            })
    }
}

/// Whether `check` holds for every set of characters the position accepts, each with what
/// must follow it: a syllable whose final may yet move on (`콛` → 코 + ㄷ…) also matches its
/// rest followed by a syllable starting with the moved consonant. (`dyn`: one copy of this
/// function in the wasm instead of one per caller.)
fn all_alternatives(slot: Slot, check: &mut dyn FnMut(Chars, Option<Chars>) -> bool) -> bool {
    match slot {
        Slot::Exact(c) | Slot::Last(Last::Exact(c)) => check(Chars::One(c), None),
        Slot::Initial(i) | Slot::Last(Last::Initial(i)) => check(Chars::Initial(i), None),
        Slot::Last(Last::Open(open)) => check(Chars::Open(open), None),
        Slot::Last(Last::WithFinal {
            syllable,
            rest,
            moved,
        }) => {
            check(Chars::One(rest), Some(Chars::Initial(moved)))
                && (0..28u8).all(|final_| {
                    let other = Syllable { final_, ..syllable };
                    let matched = other == syllable || syllable.grows_into(other);
                    !matched || check(Chars::One(other.to_char()), None)
                })
        }
    }
}

/// Whether a position of the wider term that matches one character accepts every
/// character of `set`.
fn accepts_one(wide: Slot, set: Chars) -> bool {
    match (wide, set) {
        (Slot::Exact(wanted) | Slot::Last(Last::Exact(wanted)), Chars::One(c)) => c == wanted,
        (Slot::Initial(initial) | Slot::Last(Last::Initial(initial)), set) => {
            set.all_start_with(initial)
        }
        (Slot::Last(Last::Open(open)), Chars::One(c)) => {
            Syllable::of(c).is_some_and(|s| s.open() == open)
        }
        (Slot::Last(Last::Open(open)), Chars::Open(other)) => other == open,
        _ => false,
    }
}

/// Whether the wider term's last position accepts every character of `set`, given what
/// follows it (`starts_with(initial)`: whether it surely starts with that consonant).
fn accepts_last(wide: Slot, set: Chars, starts_with: &dyn Fn(char) -> bool) -> bool {
    let Slot::Last(Last::WithFinal {
        syllable,
        rest,
        moved,
    }) = wide
    else {
        return accepts_one(wide, set);
    };
    let Chars::One(c) = set else {
        return false;
    };
    c == syllable.to_char()
        || Syllable::of(c).is_some_and(|other| syllable.grows_into(other))
        || c == rest && starts_with(moved)
}
