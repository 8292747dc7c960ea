//! `sqlx::migrate!` embeds the migrations when this crate is compiled: a migration added
//! to a folder must make it compile again.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
