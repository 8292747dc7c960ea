//! The portal's integration tests, in one binary (one link step instead of one per file):
//! each module starts the real server on a random loopback port with a fresh database,
//! beside the real local identity provider and demo hubs (`common`).
//!
//! `no_ssin_in_logs` stays a binary of its own: it installs the process's one global log
//! subscriber, at debug level, and must see only its own run.

mod common;

mod acting;

mod content;
mod control;
mod dashboard;
mod export;
mod login;
mod matrix;
mod pages;
mod security;
mod share;
mod sources;
mod support;
mod two_instances;
mod wire;
