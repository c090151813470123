//! The preview server's listener: one thread per connection, up to [`MAX_CONNECTIONS`].

use std::io::{self, Write};
use std::net::{Ipv4Addr, Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::{normalize_base, read_request, respond};
use crate::util::{Error, Result};

/// Bounds handler threads, since each idle client can hold one for the whole read timeout.
pub const MAX_CONNECTIONS: usize = 64;

/// A handler's place in the count of active connections; dropping it, however
/// the handler ends, frees the place.
struct ConnectionSlot(Arc<AtomicUsize>);

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers 503 on the accept thread, so it must never block.
fn refuse(mut stream: TcpStream) {
    if stream.set_nonblocking(true).is_err() {
        return;
    }
    // Reading what already arrived lets the close send FIN rather than a
    // reset that could discard the 503 before the client reads it.
    let _ = io::copy(&mut io::Read::take(&stream, 64 * 1024), &mut io::sink());
    let body = "503 Service Unavailable: too many connections\n";
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(format!("{head}{body}").as_bytes());
    let _ = stream.shutdown(Shutdown::Write);
}

fn handle(mut stream: TcpStream, root: &Path, base: &str) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    if let Ok(Some(req)) = read_request(&stream) {
        let _ = stream.write_all(&respond(root, base, &req));
        let _ = stream.flush();
    }
    let _ = stream.shutdown(Shutdown::Both);
}

/// A running preview server; [`Server::stop`] shuts it down.
pub struct Server {
    pub port: u16,
    pub base: String,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// The URL of the site root, e.g. `http://127.0.0.1:4000/geul/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.base)
    }

    /// Blocks until the server stops (it runs until the process ends).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// Stops accepting connections and joins the accept thread.
    pub fn stop(mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so it sees the flag.
        let _ = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Starts serving `root` under `base` on 127.0.0.1:`port` (0 picks a free
/// port; see [`Server::port`]) on a background thread.
pub fn start(root: &Path, base: &str, port: u16) -> Result<Server> {
    start_with_limit(root, base, port, MAX_CONNECTIONS)
}

/// [`start`] with at most `max_connections` handled at once.
pub(super) fn start_with_limit(
    root: &Path,
    base: &str,
    port: u16,
    max_connections: usize,
) -> Result<Server> {
    if !root.join("index.html").is_file() {
        return Err(Error::new(format!(
            "{} has no index.html: build the site first (`cargo xtask build --public-url {}`)",
            root.display(),
            normalize_base(base)
        )));
    }
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .map_err(|e| Error::new(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let port = listener
        .local_addr()
        .map_err(|e| Error::new(format!("cannot read the listening port: {e}")))?
        .port();
    let base = normalize_base(base);
    let root: Arc<PathBuf> = Arc::new(root.to_path_buf());
    let stopping = Arc::new(AtomicBool::new(false));
    let active = Arc::new(AtomicUsize::new(0));
    let thread = {
        let (base, stopping) = (base.clone(), stopping.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                // Only this thread takes slots, so the check cannot race.
                if active.load(Ordering::SeqCst) >= max_connections {
                    refuse(stream);
                    continue;
                }
                active.fetch_add(1, Ordering::SeqCst);
                let slot = ConnectionSlot(active.clone());
                let (root, base) = (root.clone(), base.clone());
                thread::spawn(move || {
                    let _slot = slot;
                    handle(stream, &root, &base);
                });
            }
        })
    };
    Ok(Server {
        port,
        base,
        stopping,
        thread: Some(thread),
    })
}

/// `cargo xtask preview`: serve until interrupted.
pub fn serve_forever(root: &Path, base: &str, port: u16) -> Result<()> {
    let server = start(root, base, port)?;
    println!(
        "serving {} like GitHub Pages (Ctrl-C to stop)",
        root.display()
    );
    println!("preview: {}", server.url());
    server.wait();
    Ok(())
}
