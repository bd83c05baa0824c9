//! The pipeline worker (see `browser/pipeline_worker.rs`): Trunk builds it as a Web
//! Worker beside the app. Natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    persona_builder::browser::pipeline_service::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The pipeline worker runs in the browser: see README.md (scripts/run).");
}
