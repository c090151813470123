//! Build-time problems, always pointing at a file and a line.

use std::fmt;
use std::path::PathBuf;

/// A post that cannot be built. The build stops and prints every such error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The post file, as given to the loader (relative to the project when possible).
    pub file: PathBuf,
    /// 1-based line in that file.
    pub line: usize,
    /// What is wrong and, where it helps, how to fix it.
    pub message: String,
}

impl ContentError {
    pub fn new(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        ContentError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

impl std::error::Error for ContentError {}

/// Something the build tolerates but the author should fix (e.g. a missing image).
/// Same shape as an error; printed as a warning.
pub type ContentWarning = ContentError;
