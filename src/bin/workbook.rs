//! The workbook worker (see `browser/workbook_worker.rs`): Trunk builds it as a Web
//! Worker beside the app, the only wasm with the spreadsheet reader. Natively there is
//! nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    persona_builder::browser::workbook_service::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The workbook worker runs in the browser: see README.md (scripts/run).");
}
