pub mod dashboard;
pub mod home;
pub mod logged_out;
pub mod problem;
