//! A short-lived in-memory cache of answers per (person, source, kind).
//!
//! Within `fresh` an answer is served without asking the source again (a cache hit).
//! When the source fails, an answer up to `keep` old is served instead, with its age —
//! never silently. Bounded: past `capacity` entries the oldest is dropped.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `(person key, source id, kind)`.
pub type Key = (String, String, &'static str);

#[derive(Debug)]
pub struct AnswerCache<T> {
    fresh: Duration,
    keep: Duration,
    capacity: usize,
    entries: Mutex<HashMap<Key, (Instant, T)>>,
}

impl<T: Clone> AnswerCache<T> {
    pub fn new(fresh: Duration, keep: Duration, capacity: usize) -> Self {
        AnswerCache { fresh, keep, capacity, entries: Mutex::new(HashMap::new()) }
    }

    /// An answer young enough to serve without asking the source.
    pub fn fresh(&self, key: &Key) -> Option<T> {
        let entries = self.entries.lock().ok()?;
        let (at, value) = entries.get(key)?;
        (at.elapsed() < self.fresh).then(|| value.clone())
    }

    /// The last good answer and its age, if it is not too old to stand in.
    pub fn stale(&self, key: &Key) -> Option<(T, Duration)> {
        let entries = self.entries.lock().ok()?;
        let (at, value) = entries.get(key)?;
        let age = at.elapsed();
        (age < self.keep).then(|| (value.clone(), age))
    }

    /// Forgets an answer (after a change at the source).
    pub fn remove(&self, key: &Key) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(key);
        }
    }

    pub fn put(&self, key: Key, value: T) {
        let Ok(mut entries) = self.entries.lock() else { return };
        if entries.len() >= self.capacity && !entries.contains_key(&key) {
            // Drop what has expired; if still full, the oldest entry.
            let keep = self.keep;
            entries.retain(|_, (at, _)| at.elapsed() < keep);
            if entries.len() >= self.capacity
                && let Some(oldest) = entries.iter().min_by_key(|(_, (at, _))| *at).map(|(k, _)| k.clone())
            {
                entries.remove(&oldest);
            }
        }
        entries.insert(key, (Instant::now(), value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u32) -> Key {
        (format!("p{n}"), "s".into(), "vaccinations")
    }

    #[test]
    fn fresh_then_stale_then_gone() {
        let cache = AnswerCache::new(Duration::from_millis(30), Duration::from_millis(80), 10);
        cache.put(key(1), 7);
        assert_eq!(cache.fresh(&key(1)), Some(7));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(cache.fresh(&key(1)), None);
        assert_eq!(cache.stale(&key(1)).map(|(v, _)| v), Some(7));
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(cache.stale(&key(1)), None);
    }

    #[test]
    fn the_cache_stays_within_its_capacity() {
        let cache = AnswerCache::new(Duration::from_secs(60), Duration::from_secs(60), 3);
        for n in 0..10 {
            cache.put(key(n), n);
        }
        let len = cache.entries.lock().map(|e| e.len()).unwrap_or(0);
        assert_eq!(len, 3);
        assert_eq!(cache.fresh(&key(9)), Some(9));
    }
}
