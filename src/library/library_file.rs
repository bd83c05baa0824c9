//! **Keep the library in a file…**: the library kept in step with one file on a shared
//! drive, which colleagues' copies of the app also write. The file is a back-up
//! (`backup.rs`: personas, histories, column mappings, never survey data), read as
//! strictly as a restore. Before each write (and when the page is shown again) the page
//! compares the file's stamp with the one it last read or wrote; a file changed since is
//! read and merged by id against the library both last agreed on
//! ([`merge_three_way`](super::merge_three_way)), and the page names what came from it.
//!
//! Pure: the browser edge (`browser/library_file.rs`) reads and writes the file and
//! passes its bytes and stamp here.

use crate::wording::counted;
use thiserror::Error;

use super::{merge_three_way, read_backup, BackupError, Library};

/// The file name offered when a library file is made.
pub const LIBRARY_FILE_NAME: &str = "persona-library.json";

/// How many personas a message names before it says "and N more".
const NAMED: usize = 5;

/// What the file's last modification time and size were: a file whose stamp differs
/// from the one this page last read or wrote was changed by someone else.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FileStamp {
    /// Milliseconds since 1970, as the browser reports a file's `lastModified`.
    pub modified: f64,
    pub size: f64,
}

/// Why the library file could not be used. The library in the browser keeps working.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileProblem {
    #[error("it was deleted or moved")]
    Gone,
    #[error("another program has it open or locked")]
    Locked,
    #[error("the browser no longer lets this page write it; choose Reconnect to allow it again")]
    NoPermission,
    #[error("it could not be read or written ({0})")]
    Unreadable(String),
    /// The file is not a library this page may take: nothing was changed.
    #[error("it was refused: {0}")]
    Refused(BackupError),
}

impl FileProblem {
    /// The problem a browser error (a `DOMException`'s name and message) means.
    pub fn from_dom(name: &str, message: &str) -> Self {
        match name {
            "NotFoundError" => FileProblem::Gone,
            "NoModificationAllowedError" | "InvalidStateError" => FileProblem::Locked,
            "NotAllowedError" | "SecurityError" => FileProblem::NoPermission,
            _ if message.is_empty() => FileProblem::Unreadable(name.to_string()),
            _ => FileProblem::Unreadable(message.to_string()),
        }
    }

    /// Whether Reconnect (asking the browser's permission again) is the way out.
    pub fn needs_permission(&self) -> bool {
        matches!(self, FileProblem::NoPermission)
    }
}

/// Where the library file stands, as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum FileState {
    /// The browser cannot keep a library in a file (no File System Access API).
    Unsupported,
    /// No file is kept.
    NotKept,
    /// A file remembered from an earlier visit, waiting for the user's Reconnect (the
    /// browser asks permission again).
    Remembered { name: String },
    /// Kept in step with the file.
    Kept { name: String },
    /// The file could not be used; the library in the browser keeps working, and the
    /// page tries again on every change and whenever it is shown again.
    Trouble { name: String, problem: FileProblem },
}

impl FileState {
    /// The file's name, when one is chosen.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            FileState::Remembered { name }
            | FileState::Kept { name }
            | FileState::Trouble { name, .. } => Some(name),
            FileState::Unsupported | FileState::NotKept => None,
        }
    }

    /// Whether the page reads and writes the file now (kept, or retrying after trouble
    /// that permission does not cure).
    pub fn in_use(&self) -> bool {
        match self {
            FileState::Kept { .. } => true,
            FileState::Trouble { problem, .. } => !problem.needs_permission(),
            _ => false,
        }
    }
}

/// What came from the file: personas a colleague added, changed and removed since this
/// page last read or wrote it, and those changed in both places (the newer kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileChanges {
    /// True when this page had never read the file before (it was just chosen).
    pub first_read: bool,
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    pub conflicts: Vec<String>,
}

fn named(names: &[String]) -> String {
    let mut shown: Vec<String> = names.iter().take(NAMED).map(|n| format!("“{n}”")).collect();
    if names.len() > NAMED {
        shown.push(format!("and {} more", names.len() - NAMED));
    }
    shown.join(", ")
}

impl FileChanges {
    /// What differs from `before` to `after`, by persona id.
    fn between(before: &Library, after: &Library) -> Self {
        let mut changes = FileChanges::default();
        for p in after.personas() {
            match before.get(&p.id) {
                None => changes.added.push(p.name.clone()),
                Some(b) if b != p => changes.changed.push(p.name.clone()),
                Some(_) => {}
            }
        }
        for p in before.personas() {
            if after.get(&p.id).is_none() {
                changes.removed.push(p.name.clone());
            }
        }
        changes
    }

    /// Whether nothing came from the file.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.conflicts.is_empty()
    }

    /// What to tell the user ("2 personas changed by a colleague: “A”, “B”."), or
    /// nothing when nothing came from the file.
    pub fn describe(&self, file_name: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let by = if self.first_read {
            format!("from “{file_name}”")
        } else {
            format!("by a colleague in “{file_name}”")
        };
        let mut parts = Vec::new();
        for (names, what) in [
            (&self.changed, "changed"),
            (&self.added, "added"),
            (&self.removed, "removed"),
        ] {
            if !names.is_empty() {
                parts.push(format!(
                    "{} {what} {by}: {}.",
                    counted(names.len(), "persona"),
                    named(names)
                ));
            }
        }
        if !self.conflicts.is_empty() {
            parts.push(format!(
                "Changed here too, the newer version kept: {}.",
                named(&self.conflicts)
            ));
        }
        Some(parts.join(" "))
    }
}

/// The library file met with this page's library.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconciled {
    /// The library to keep here (and in the file).
    pub library: Library,
    /// Whether the file must be written: it lacks some of `library`.
    pub write: bool,
    pub changes: FileChanges,
}

/// Meets the file's bytes with `ours`. `base` is the library the file held when this page
/// last read or wrote it (`None`: never, it was just chosen). An empty file (just made)
/// takes ours; otherwise the file is read as strictly as a back-up — a corrupt,
/// truncated, newer or too-big file, or one holding a persona that breaks the rules, is
/// refused and nothing changes — and merged by id with the three-way rules.
pub fn reconcile(
    base: Option<&Library>,
    ours: &Library,
    bytes: &[u8],
) -> Result<Reconciled, BackupError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Reconciled {
            library: ours.clone(),
            write: true,
            changes: FileChanges::default(),
        });
    }
    let theirs = read_backup(bytes)?.library;
    let empty = Library::default();
    let before = base.unwrap_or(&empty);
    let (library, report) = merge_three_way(before, ours, &theirs);
    // A file read for the first time is met with ours: what it brings is what we lack
    // (nothing of ours is removed by it).
    let mut changes = FileChanges::between(base.unwrap_or(ours), &theirs);
    if base.is_none() {
        changes.first_read = true;
        changes.removed.clear();
    }
    changes.conflicts = report.conflicts;
    // A persona both sides changed is named once, as a conflict.
    changes.changed = theirs
        .personas()
        .iter()
        .filter(|p| changes.changed.contains(&p.name))
        .filter(|p| ours.get(&p.id) == before.get(&p.id))
        .map(|p| p.name.clone())
        .collect();
    Ok(Reconciled {
        write: library != theirs,
        library,
        changes,
    })
}

#[cfg(test)]
#[path = "library_file_tests.rs"]
mod tests;
