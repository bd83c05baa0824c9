//! An abstract portrait for a persona: head and shoulders in colours picked from its id.
//! No photo and no face, so it suggests a person without looking like anyone.

use leptos::prelude::*;

/// Background, clothing and skin tones, chosen to differ clearly from one another.
const BACKGROUNDS: [&str; 6] = [
    "#dbe9f6", "#f6e3d4", "#e0f0dc", "#efe0f4", "#f7f0cf", "#dcefee",
];
const CLOTHES: [&str; 6] = [
    "#2f5d8a", "#8a3f2f", "#3f7a3a", "#6b3f8a", "#8a6d1f", "#2f7a76",
];
const SKIN: [&str; 5] = ["#f1c7a5", "#d9a077", "#b07850", "#8a5a3c", "#5e3b27"];

/// The portrait; decorative, so hidden from screen readers.
#[component]
pub fn Avatar(id: String) -> impl IntoView {
    let byte = |i: usize| {
        id.get(i * 2..i * 2 + 2)
            .and_then(|h| usize::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    let background = BACKGROUNDS[byte(0) % BACKGROUNDS.len()];
    let clothes = CLOTHES[byte(1) % CLOTHES.len()];
    let skin = SKIN[byte(2) % SKIN.len()];
    view! {
        <svg class="avatar" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
            <circle cx="24" cy="24" r="24" fill=background />
            <path d="M8 44 C10 33 17 29 24 29 C31 29 38 33 40 44 Z" fill=clothes />
            <circle cx="24" cy="18" r="8" fill=skin />
        </svg>
    }
}
