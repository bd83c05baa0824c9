//! Entry point. In the browser it mounts the app; natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // Storage opens (and a localStorage library migrates) before the app mounts, so
    // the stores start from what the device keeps.
    wasm_bindgen_futures::spawn_local(async {
        persona_builder::browser::storage::boot().await;
        leptos::mount::mount_to_body(persona_builder::ui::App);
    });
    persona_builder::browser::offline::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Persona Builder runs in the browser: see README.md (scripts/run).");
}
