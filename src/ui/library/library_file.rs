//! **Keep the library in a file…**: the library kept in step with a file on a shared
//! drive that colleagues' copies of the app also write; **Reconnect** on a later visit,
//! and stopping. Where the browser lacks the File System Access API the page says so and
//! points to the back-up buttons beside it.

use leptos::prelude::*;

use crate::browser::library_file::Pick;
use crate::library::FileState;
use crate::ui::stores::LibraryStore;

/// The library file's state and controls.
#[component]
pub fn LibraryFilePanel() -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let file = library.file;
    let stop = move || {
        view! {
            <button type="button" on:click=move |_| library.stop_file()>
                "Stop keeping the file"
            </button>
        }
    };
    let state = move || {
        match file.state.get() {
        FileState::Unsupported => view! {
            <p class="hint">
                "This browser cannot keep the library in a file on a shared drive (it lacks the File System Access API, which Chrome and Edge have). To share it, Back up everything and give colleagues the file; Restore from a back-up merges theirs in."
            </p>
        }
        .into_any(),
        FileState::NotKept => view! {
            <button type="button" on:click=move |_| library.keep_in_file(Pick::Save)>
                "Keep the library in a file…"
            </button>
            <button type="button" on:click=move |_| library.keep_in_file(Pick::Open)>
                "Open a shared library file…"
            </button>
            <p class="hint">
                "Put the file on a shared drive: every change is saved to it, and colleagues' changes are merged in when you come back to the page."
            </p>
        }
        .into_any(),
        FileState::Remembered { name } => view! {
            <p>{format!("On your last visit the library was kept in “{name}”. The browser asks before the page may write it again.")}</p>
            <button type="button" on:click=move |_| library.reconnect_file()>"Reconnect"</button>
            {stop()}
        }
        .into_any(),
        FileState::Kept { name } => view! {
            <p class="library-file-kept">
                {format!("Kept in step with “{name}”: every change is saved to it, and colleagues' changes in it are merged in when you come back to this page.")}
            </p>
            {stop()}
        }
        .into_any(),
        FileState::Trouble { name, problem } => {
            let reconnect = problem.needs_permission();
            view! {
                <p class="storage-problem">
                    {format!("“{name}” cannot be used: {problem}. The library in this browser keeps working.")}
                </p>
                {if reconnect {
                    view! {
                        <button type="button" on:click=move |_| library.reconnect_file()>"Reconnect"</button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" on:click=move |_| library.sync_file()>"Try the file again"</button>
                    }
                    .into_any()
                }}
                {stop()}
            }
            .into_any()
        }
    }
    };
    view! {
        <section class="library-file no-print" role="region" aria-label="Library file">
            {state}
        </section>
    }
}
