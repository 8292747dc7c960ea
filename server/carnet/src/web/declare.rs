//! How a capability declares its routes: once, as its router and as the list the
//! authorization matrix walks.

/// Declares a capability's routes once: as its `router()` and as its `ROUTES`, the list the
/// authorization matrix test walks (a route added here that the matrix does not know fails it).
macro_rules! routes {
    ($($method:ident $path:literal => $handler:expr,)+) => {
        /// This capability's routes, as (method, path).
        pub const ROUTES: &[(&str, &str)] = &[$((stringify!($method), $path),)+];

        pub fn router() -> axum::Router<crate::AppState> {
            axum::Router::new() $(.route($path, axum::routing::$method($handler)))+
        }
    };
}
pub(crate) use routes;
