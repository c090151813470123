//! Tests of the preview server's connection cap (module `preview`).

use super::*;
use std::io::Write;
use std::net::Ipv4Addr;
use std::thread;
use std::time::{Duration, Instant};

const GET_ROOT: &[u8] = b"GET /geul/ HTTP/1.1\r\nHost: x\r\n\r\n";

/// A client that gives up instead of hanging the test if the server stalls.
fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream
}

/// Sends a GET like a browser and returns the raw response.
fn fetch_root(port: u16) -> Vec<u8> {
    let mut stream = connect(port);
    stream.write_all(GET_ROOT).unwrap();
    let mut raw = Vec::new();
    // A refused client may see a reset after the response; what arrived is kept.
    let _ = stream.read_to_end(&mut raw);
    raw
}

#[test]
fn refuses_connections_over_the_cap() {
    let tmp = site();
    let server = start_with_limit(tmp.path(), "/geul/", 0, 2).unwrap();
    // Silent clients keep their handlers blocked reading a request; the
    // accept thread takes connections in order, so these two fill the cap.
    let silent: Vec<TcpStream> = (0..2).map(|_| connect(server.port)).collect();

    let (status, headers, body) = parse(&fetch_root(server.port));
    assert_eq!(status, "HTTP/1.1 503 Service Unavailable");
    assert_eq!(header(&headers, "retry-after"), Some("1"));
    assert_eq!(header(&headers, "connection"), Some("close"));
    assert_eq!(
        header(&headers, "content-length"),
        Some(body.len().to_string().as_str())
    );
    assert!(String::from_utf8(body).unwrap().starts_with("503"));

    // Closing them lets their handlers finish and free their slots.
    drop(silent);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let (status, _, _) = parse(&fetch_root(server.port));
        if status == "HTTP/1.1 200 OK" {
            break;
        }
        assert!(Instant::now() < deadline, "still refused: {status}");
        thread::sleep(Duration::from_millis(20));
    }
    server.stop();
}
