//! Compresses what the portal renders (pages, server functions' answers): gzip, or brotli
//! for a browser that takes brotli and not gzip. Frame by frame: every part of a streamed
//! page is flushed as it comes, so compression never holds back what is ready (a slow
//! source's tile still comes last, and only it). Static files are compressed once, when the
//! site is built (brotli at its best), and served as they are (see `static_files`); a
//! response that already has an encoding is left alone.
//!
//! Why gzip at its fastest level for pages made per request: on the dashboard (18 KB, the
//! portal's own CPU per page measured in one process), brotli at quality 4 cost about
//! 0.8 ms and gzip at level 5 about 0.5 ms, where rendering the whole page costs about 1 ms;
//! gzip at level 1 (zlib-rs) about 0.3 ms. The page it sends is 6.8 KB instead of 5.0 KB with
//! brotli: on a phone's slow 4G, under 10 ms more. gzip's deflate states are kept and reset
//! between responses ([`DEFLATES`]): a fresh one is a few hundred KB that the allocator and
//! the kernel hand over zeroed each time (page faults, `memset`), and keeping them took the
//! compressed dashboard from 81 % to 86 % of the plain one's requests per second. Figures:
//! `docs/performance.md`.
//!
//! BREACH (guessing a secret from the compressed size of pages that also reflect the
//! attacker's text): the one secret of every page, the CSRF token, is masked afresh in each
//! response (see `security::csrf::mask`), and the session cookie is `SameSite=Lax`. The
//! support-code page also shows a live code, which cannot be masked (it is read out on
//! the phone) while the page reflects its own address (the language links): it is never
//! compressed ([`SECRET_PAGES`]).

use std::io::Write;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use flate2::{Compress, Crc, FlushCompress};
use futures::{FutureExt, StreamExt};

/// What a response is compressed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// The portal's choice among what `Accept-Encoding` takes (gzip first; `q=0` refuses).
    pub fn accepted(header: Option<&HeaderValue>) -> Option<Encoding> {
        let header = header?.to_str().ok()?;
        let accepts = |name: &str| {
            header.split(',').any(|part| {
                let mut pieces = part.split(';').map(str::trim);
                let coding = pieces.next().unwrap_or_default();
                let refused =
                    pieces.any(|p| p.replace(' ', "").strip_prefix("q=").is_some_and(|q| q.parse::<f32>() == Ok(0.0)));
                coding.eq_ignore_ascii_case(name) && !refused
            })
        };
        if accepts("gzip") {
            Some(Encoding::Gzip)
        } else if accepts("br") {
            Some(Encoding::Brotli)
        } else {
            None
        }
    }

    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        })
    }
}

/// A compressor fed frame by frame, each flushed.
enum Encoder {
    Brotli(Box<brotli::CompressorWriter<Vec<u8>>>),
    Gzip(Gzip),
}

/// Brotli's quality for pages made per request: fast, and still smaller than gzip.
const BROTLI_QUALITY: u32 = 4;
/// A 64 KB window: a page fits in it, and a bigger window costs memory per response.
const BROTLI_WINDOW: u32 = 16;
/// gzip's level for pages made per request: the fastest (see the module's note).
const GZIP_LEVEL: u32 = 1;

/// gzip's header (RFC 1952): deflate, no name or time, unknown system.
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

/// Deflate states kept for the next responses: a state is a few hundred KB that a new one
/// would take from the allocator (and the kernel) each time; a reset one is ready at once.
static DEFLATES: Mutex<Vec<Compress>> = Mutex::new(Vec::new());
/// At most this many kept (one per response compressed at the same moment).
const DEFLATES_KEPT: usize = 64;

/// A gzip stream (header, deflate, CRC-32 and length) on a kept deflate state.
struct Gzip {
    deflate: Option<Compress>,
    crc: Crc,
    started: bool,
}

impl Gzip {
    fn new() -> Gzip {
        let kept = DEFLATES.lock().ok().and_then(|mut kept| kept.pop());
        let deflate = kept.unwrap_or_else(|| Compress::new(flate2::Compression::new(GZIP_LEVEL), false));
        Gzip { deflate: Some(deflate), crc: Crc::new(), started: false }
    }

    /// Compresses `input` into `out` (the header first), flushed as `flush` says.
    fn write(&mut self, input: &[u8], out: &mut Vec<u8>, flush: FlushCompress) -> std::io::Result<()> {
        let Some(deflate) = self.deflate.as_mut() else { return Err(std::io::ErrorKind::Other.into()) };
        if !self.started {
            out.extend_from_slice(&GZIP_HEADER);
            self.started = true;
        }
        self.crc.update(input);
        let mut input = input;
        loop {
            if out.capacity() - out.len() < 64 {
                out.reserve(out.len().max(4096));
            }
            let before = deflate.total_in();
            let status = deflate.compress_vec(input, out, flush).map_err(std::io::Error::other)?;
            input = input.get((deflate.total_in() - before) as usize..).unwrap_or_default();
            // Done when everything went in and the flush had room to end (or the stream ended).
            if matches!(status, flate2::Status::StreamEnd)
                || (input.is_empty() && out.capacity() - out.len() >= 64 && !matches!(flush, FlushCompress::Finish))
            {
                return Ok(());
            }
        }
    }

    /// The end of the stream: what is left, then the CRC-32 and the length; the deflate
    /// state goes back to be kept.
    fn finish(mut self, input: &[u8], out: &mut Vec<u8>) -> std::io::Result<()> {
        self.write(input, out, FlushCompress::Finish)?;
        out.extend_from_slice(&self.crc.sum().to_le_bytes());
        out.extend_from_slice(&self.crc.amount().to_le_bytes());
        if let Some(mut deflate) = self.deflate.take() {
            deflate.reset();
            if let Ok(mut kept) = DEFLATES.lock()
                && kept.len() < DEFLATES_KEPT
            {
                kept.push(deflate);
            }
        }
        Ok(())
    }
}

impl Encoder {
    fn new(encoding: Encoding) -> Encoder {
        match encoding {
            Encoding::Brotli => Encoder::Brotli(Box::new(brotli::CompressorWriter::new(
                Vec::new(),
                8192,
                BROTLI_QUALITY,
                BROTLI_WINDOW,
            ))),
            Encoding::Gzip => Encoder::Gzip(Gzip::new()),
        }
    }

    /// Compresses one frame and flushes it: what comes out can be decoded up to here.
    fn push(&mut self, frame: &[u8]) -> std::io::Result<Bytes> {
        let out = match self {
            Encoder::Brotli(w) => {
                w.write_all(frame)?;
                w.flush()?;
                std::mem::take(w.get_mut())
            }
            Encoder::Gzip(gzip) => {
                let mut out = Vec::with_capacity(frame.len() / 2 + 64);
                gzip.write(frame, &mut out, FlushCompress::Sync)?;
                out
            }
        };
        Ok(Bytes::from(out))
    }

    /// The last frames and the end of the stream.
    fn finish(self, last: &[u8]) -> std::io::Result<Bytes> {
        Ok(Bytes::from(match self {
            Encoder::Brotli(mut w) => {
                w.write_all(last)?;
                w.into_inner()
            }
            Encoder::Gzip(gzip) => {
                let mut out = Vec::with_capacity(last.len() / 2 + 64);
                gzip.finish(last, &mut out)?;
                out
            }
        }))
    }
}

/// Is this a response worth compressing (text, not yet encoded, with a body)?
fn compressible(response: &Response) -> bool {
    let headers = response.headers();
    if headers.contains_key(header::CONTENT_ENCODING)
        || matches!(response.status(), StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED)
        || response.status().is_informational()
    {
        return false;
    }
    // Too small to gain anything.
    let length = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if length.is_some_and(|n| n < 512) {
        return false;
    }
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let kind = kind.split(';').next().unwrap_or_default().trim();
    kind.starts_with("text/")
        || matches!(kind, "application/json" | "application/javascript" | "application/xml" | "image/svg+xml")
}

/// Pages that show a secret of their own besides the masked CSRF token: sent as they are.
pub const SECRET_PAGES: &[&str] = &["/support"];

pub async fn compress(request: Request, next: Next) -> Response {
    let encoding = Encoding::accepted(request.headers().get(header::ACCEPT_ENCODING))
        .filter(|_| !SECRET_PAGES.contains(&request.uri().path()));
    let head = request.method() == Method::HEAD;
    let mut response = next.run(request).await;
    response.headers_mut().append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let Some(encoding) = encoding.filter(|_| !head && compressible(&response)) else { return response };
    let (mut parts, body) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CONTENT_ENCODING, encoding.header());
    let frames = body.into_data_stream();
    let stream = futures::stream::unfold(Some((frames, Encoder::new(encoding))), |state| async move {
        let (mut frames, mut encoder) = state?;
        let first = match frames.next().await {
            Some(Ok(frame)) => frame,
            Some(Err(e)) => return Some((Err(e), None)),
            None => return Some((encoder.finish(&[]).map_err(axum::Error::new), None)),
        };
        // Every frame ready now goes into one flush (a page renders in many small frames);
        // the flush comes when the page has to wait, or at its end.
        let mut ready = Vec::from(first);
        let mut ended = false;
        loop {
            match frames.next().now_or_never() {
                Some(Some(Ok(frame))) => ready.extend_from_slice(&frame),
                Some(Some(Err(e))) => return Some((Err(e), None)),
                Some(None) => {
                    ended = true;
                    break;
                }
                None => break,
            }
        }
        if ended {
            return Some((encoder.finish(&ready).map_err(axum::Error::new), None));
        }
        match encoder.push(&ready) {
            Ok(out) => Some((Ok(out), Some((frames, encoder)))),
            Err(e) => Some((Err(axum::Error::new(e)), None)),
        }
    });
    Response::from_parts(parts, Body::from_stream(stream))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn gzip_comes_first_and_brotli_serves_a_browser_without_it() {
        let accepted = |v: &'static str| Encoding::accepted(Some(&HeaderValue::from_static(v)));
        assert_eq!(accepted("gzip, deflate, br, zstd"), Some(Encoding::Gzip));
        assert_eq!(accepted("br"), Some(Encoding::Brotli));
        assert_eq!(accepted("gzip"), Some(Encoding::Gzip));
        assert_eq!(accepted("br;q=0, gzip;q=0.5"), Some(Encoding::Gzip));
        assert_eq!(accepted("identity"), None);
        assert_eq!(accepted("GZIP"), Some(Encoding::Gzip));
        assert_eq!(Encoding::accepted(None), None);
    }

    fn decode(encoding: Encoding, bytes: &[u8]) -> String {
        let mut out = String::new();
        match encoding {
            Encoding::Gzip => flate2::read::MultiGzDecoder::new(bytes).read_to_string(&mut out),
            Encoding::Brotli => brotli::Decompressor::new(bytes, 4096).read_to_string(&mut out),
        }
        .unwrap_or_else(|e| panic!("{e}"));
        out
    }

    #[test]
    fn a_kept_deflate_state_starts_each_response_afresh() {
        let page: Vec<u8> = (0..4000).flat_map(|i| format!("<li>item {i}</li>").into_bytes()).collect();
        for round in 0..3 {
            let mut encoder = Encoder::new(Encoding::Gzip);
            let first = encoder.push(&page[..1000]).unwrap_or_else(|e| panic!("{e}"));
            let end = encoder.finish(&page[1000..]).unwrap_or_else(|e| panic!("{e}"));
            let whole = [first, end].concat();
            assert_eq!(decode(Encoding::Gzip, &whole).as_bytes(), &page[..], "round {round}");
            assert!(whole.len() < page.len() / 3, "compressed");
        }
        assert!(DEFLATES.lock().is_ok_and(|kept| !kept.is_empty()), "the state was kept");
    }

    #[test]
    fn every_frame_can_be_read_as_soon_as_it_is_sent() {
        for encoding in [Encoding::Brotli, Encoding::Gzip] {
            let mut encoder = Encoder::new(encoding);
            let first =
                encoder.push(b"<html><body><main>the shell and the quick tiles").unwrap_or_else(|e| panic!("{e}"));
            // What was sent so far decodes to the first frame, before the next exists.
            let mut reader: Box<dyn Read> = match encoding {
                Encoding::Gzip => Box::new(flate2::read::GzDecoder::new(&first[..])),
                Encoding::Brotli => Box::new(brotli::Decompressor::new(&first[..], 4096)),
            };
            let mut partial = Vec::new();
            let mut buf = [0u8; 256];
            // Read until the decoder runs out of what was sent (an error: the end is missing).
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                partial.extend_from_slice(&buf[..n]);
            }
            assert_eq!(partial, b"<html><body><main>the shell and the quick tiles", "{encoding:?}");
            drop(reader);
            let second = encoder.push(b"<p>the slow source</p></main></body></html>").unwrap_or_else(|e| panic!("{e}"));
            let end = encoder.finish(b"").unwrap_or_else(|e| panic!("{e}"));
            let whole = [first, second, end].concat();
            assert_eq!(
                decode(encoding, &whole),
                "<html><body><main>the shell and the quick tiles<p>the slow source</p></main></body></html>"
            );
        }
    }
}
