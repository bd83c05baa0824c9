//! A persona's portrait: an illustrated head and shoulders whose hair follows the
//! persona's main age band (grey, with glasses, from 60; darker below), in colours
//! picked from its id, with the initial of its illustrative first name. No photo and no
//! face, so it suggests a person without looking like anyone.

use leptos::prelude::*;

use crate::segments::rules::bounds;

/// Background, clothing, skin and (younger) hair tones.
const BACKGROUNDS: [&str; 6] = [
    "#dbe9f6", "#f6e3d4", "#e0f0dc", "#efe0f4", "#f7f0cf", "#dcefee",
];
const CLOTHES: [&str; 6] = [
    "#2f5d8a", "#8a3f2f", "#3f7a3a", "#6b3f8a", "#8a6d1f", "#2f7a76",
];
const SKIN: [&str; 5] = ["#f1c7a5", "#d9a077", "#b07850", "#8a5a3c", "#5e3b27"];
const HAIR: [&str; 4] = ["#2b1d14", "#5a3a1e", "#1c1c1c", "#8c5a2b"];
const GREY_HAIR: &str = "#c9c9c9";

/// The portrait; decorative (the name beside it says who), so hidden from screen
/// readers. `initial` is the illustrative first name; `age` the main age band.
#[component]
pub fn Portrait(id: String, initial: String, age: Option<String>) -> impl IntoView {
    let byte = |i: usize| {
        id.get(i * 2..i * 2 + 2)
            .and_then(|h| usize::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    let middle = age.as_deref().and_then(bounds).map(|(low, high)| {
        if high.is_finite() {
            (low + high) / 2.0
        } else {
            low + 5.0
        }
    });
    let older = middle.is_some_and(|m| m >= 60.0);
    let background = BACKGROUNDS[byte(0) % BACKGROUNDS.len()];
    let clothes = CLOTHES[byte(1) % CLOTHES.len()];
    let skin = SKIN[byte(2) % SKIN.len()];
    let hair = if older {
        GREY_HAIR
    } else {
        HAIR[byte(3) % HAIR.len()]
    };
    let letter = initial
        .chars()
        .next()
        .map(|c| c.to_string())
        .unwrap_or_default();
    view! {
        <svg class="avatar" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">
            <circle cx="32" cy="32" r="32" fill=background />
            <path d="M10 60 C13 45 22 40 32 40 C42 40 51 45 54 60 Z" fill=clothes />
            <path d="M20 25 C20 12 44 12 44 25 L44 30 L20 30 Z" fill=hair />
            <circle cx="32" cy="26" r="10" fill=skin />
            <path d="M22 22 C24 14 40 14 42 22 C38 18 26 18 22 22 Z" fill=hair />
            {older.then(|| view! {
                <g class="glasses" fill="none" stroke="#333" stroke-width="1.2">
                    <circle cx="28" cy="27" r="3" />
                    <circle cx="36" cy="27" r="3" />
                    <path d="M31 27 L33 27" />
                </g>
            })}
            {(!letter.is_empty()).then(|| view! {
                <g class="initial">
                    <circle cx="52" cy="52" r="10" fill="#ffffff" stroke=clothes stroke-width="1.5" />
                    <text x="52" y="56" text-anchor="middle" font-size="11" font-weight="700" fill=clothes>
                        {letter}
                    </text>
                </g>
            })}
        </svg>
    }
}
