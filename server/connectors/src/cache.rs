//! A short-lived in-memory cache of answers per (person, source, kind).
//!
//! Within `fresh` an answer is served without asking the source again (a cache hit).
//! When the source fails, an answer up to `keep` old is served instead, with its age —
//! never silently. Bounded: past `capacity` entries the oldest is dropped. The portal
//! keeps what it makes of the answers (sealed, derived) in one too, by (person, kind).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `(person key, source id, kind)`.
pub type Key = (String, String, &'static str);

#[derive(Debug)]
pub struct AnswerCache<T, K = Key> {
    fresh: Duration,
    keep: Duration,
    capacity: usize,
    entries: Mutex<HashMap<K, (Instant, T)>>,
}

impl<T: Clone, K: Eq + Hash + Clone> AnswerCache<T, K> {
    pub fn new(fresh: Duration, keep: Duration, capacity: usize) -> Self {
        AnswerCache { fresh, keep, capacity, entries: Mutex::new(HashMap::new()) }
    }

    /// An answer young enough to serve without asking the source.
    pub fn fresh(&self, key: &K) -> Option<T> {
        let entries = self.entries.lock().ok()?;
        let (at, value) = entries.get(key)?;
        (at.elapsed() < self.fresh).then(|| value.clone())
    }

    /// When a fresh answer was stored, without copying it: a stamp that changes whenever
    /// the answer does.
    pub fn fresh_since(&self, key: &K) -> Option<Instant> {
        let entries = self.entries.lock().ok()?;
        let (at, _) = entries.get(key)?;
        (at.elapsed() < self.fresh).then_some(*at)
    }

    /// The last good answer and its age, if it is not too old to stand in.
    pub fn stale(&self, key: &K) -> Option<(T, Duration)> {
        let entries = self.entries.lock().ok()?;
        let (at, value) = entries.get(key)?;
        let age = at.elapsed();
        (age < self.keep).then(|| (value.clone(), age))
    }

    /// Forgets every answer whose key `gone` says (after a change another instance made).
    pub fn remove_where(&self, gone: impl Fn(&K) -> bool) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|key, _| !gone(key));
        }
    }

    /// Forgets an answer (after a change at the source).
    pub fn remove(&self, key: &K) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(key);
        }
    }

    pub fn put(&self, key: K, value: T) {
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
    fn the_stamp_of_a_fresh_answer_changes_with_the_answer() {
        let cache = AnswerCache::new(Duration::from_secs(60), Duration::from_secs(60), 10);
        assert_eq!(cache.fresh_since(&key(1)), None);
        cache.put(key(1), 7);
        let first = cache.fresh_since(&key(1));
        assert!(first.is_some());
        assert_eq!(cache.fresh_since(&key(1)), first, "unchanged");
        std::thread::sleep(Duration::from_millis(2));
        cache.put(key(1), 8);
        assert_ne!(cache.fresh_since(&key(1)), first, "a new answer, a new stamp");
        cache.remove(&key(1));
        assert_eq!(cache.fresh_since(&key(1)), None);
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
