//! A survey read a slice at a time from where it lies, as the worker reads the user's
//! `File`: the same survey as from bytes in memory, its fingerprint worked out over the
//! slices, and read again (not kept) when the privacy settings change. A file that can
//! no longer be read is refused with a reason and the survey already loaded stays. A
//! large file's fingerprint is worked out beside the read, by a helper session, and
//! handed to the survey's.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use persona_builder::pipeline::{ColumnMapping, GroupBy, Recipe};
use persona_builder::privacy::PrivacySettings;
use persona_builder::protocol::{
    Contents, Failure, Reply, Request, Session, SurveyView, FINGERPRINT_BESIDE_FROM,
};
use persona_builder::survey::{sha256_hex, FileSlices, ReadError, SlicedFile, Stage, SLICE_BYTES};

/// A file on disk, as the browser holds it: read a slice at a time, counted, and
/// possibly gone by the time it is read again.
struct OnDisk {
    bytes: Vec<u8>,
    slices_read: Rc<Cell<usize>>,
    gone: Rc<RefCell<bool>>,
}

impl FileSlices for OnDisk {
    fn size(&self) -> usize {
        self.bytes.len()
    }

    fn read_at(&self, start: usize, into: &mut [u8]) -> Result<(), ReadError> {
        if *self.gone.borrow() {
            return Err(ReadError::Unreadable);
        }
        self.slices_read.set(self.slices_read.get() + 1);
        self.bytes.read_at(start, into)
    }
}

/// A survey of 600 respondents (one slice: `survey::slices` tests the slicing itself).
fn survey_csv() -> Vec<u8> {
    let csv = survey_of(600);
    assert!(csv.len() < SLICE_BYTES);
    csv
}

fn survey_of(respondents: usize) -> Vec<u8> {
    let mut csv = String::from("Respondent ID,How do you travel?,Age,Comments\n");
    let travel = ["Bus", "Car", "On foot"];
    for i in 0..respondents {
        let comment = "The clinic is far from the bus stop and the wait is long";
        csv.push_str(&format!(
            "R{i},{},{},{comment}\n",
            travel[i % 3],
            20 + i % 60
        ));
    }
    csv.into_bytes()
}

/// A file on disk that counts its slices read.
fn on_disk(bytes: &[u8]) -> (SlicedFile, Rc<Cell<usize>>) {
    let slices_read = Rc::new(Cell::new(0));
    let file = SlicedFile::new(OnDisk {
        bytes: bytes.to_vec(),
        slices_read: slices_read.clone(),
        gone: Rc::default(),
    });
    (file, slices_read)
}

fn open_request() -> Request {
    Request::Open {
        file_name: "wave.csv".into(),
        recipe: Box::new(Recipe::default()),
        mapping: ColumnMapping::default(),
        dictionary_file: None,
        extract_file: None,
    }
}

fn view(reply: Reply) -> SurveyView {
    match reply {
        Reply::Survey { view } => *view,
        other => panic!("expected the survey, got {other:?}"),
    }
}

/// The fingerprint the personas built from the loaded survey carry as provenance.
fn fingerprint_of_personas(session: &mut Session, view: &SurveyView) -> String {
    let column = view
        .columns
        .iter()
        .position(|c| c == "How do you travel?")
        .expect("the travel question is kept");
    let now = time::macros::datetime!(2026-12-02 12:00 UTC);
    let group_by = GroupBy::Answer { column };
    match session.handle(Request::Build { group_by, now }, vec![], &mut |_| {}) {
        Reply::Built { built } => built.personas[0].provenance.source_sha256.clone(),
        other => panic!("expected personas, got {other:?}"),
    }
}

#[test]
fn a_file_read_in_slices_gives_the_same_survey_and_is_read_again_for_new_settings() {
    let bytes = survey_csv();
    let from_memory = view(Session::default().handle(
        open_request(),
        vec![Contents::file(bytes.clone())],
        &mut |_| {},
    ));

    let slices_read = Rc::new(Cell::new(0));
    let gone = Rc::new(RefCell::new(false));
    let file = SlicedFile::new(OnDisk {
        bytes: bytes.clone(),
        slices_read: slices_read.clone(),
        gone: gone.clone(),
    });
    let mut session = Session::default();
    let mut checking = Vec::new();
    let sliced = view(
        session.handle(open_request(), vec![Contents::Sliced(file)], &mut |p| {
            // The file's bytes: streamed as rows are read, or checked before.
            if matches!(p.stage, Stage::Checking | Stage::Streaming) {
                checking.push(p.done);
            }
        }),
    );
    assert_eq!(sliced, from_memory, "the same survey either way");
    assert_eq!(
        fingerprint_of_personas(&mut session, &sliced),
        sha256_hex(&bytes)
    );
    assert_eq!(slices_read.get(), 1, "read once");
    assert_eq!(
        checking.last(),
        Some(&bytes.len()),
        "progress reaches the end"
    );

    // New privacy settings: the file is read again, slice by slice.
    let settings = PrivacySettings {
        min_group_size: 15,
        ..PrivacySettings::default()
    };
    let again = view(session.handle(
        Request::Settings {
            settings: settings.clone(),
        },
        vec![],
        &mut |_| {},
    ));
    assert_eq!(slices_read.get(), 2, "read again, not kept");
    assert_eq!(
        fingerprint_of_personas(&mut session, &again),
        sha256_hex(&bytes),
        "the fingerprint is kept, not worked out again"
    );

    // The file is changed on disk: the next read is refused with a reason and the
    // survey read before stays loaded.
    *gone.borrow_mut() = true;
    let reply = session.handle(
        Request::Settings {
            settings: PrivacySettings::default(),
        },
        vec![],
        &mut |_| {},
    );
    let Reply::Failed { failure } = reply else {
        panic!("expected a refusal, got {reply:?}");
    };
    assert_eq!(failure, Failure::Read(ReadError::Unreadable));
    assert!(failure.to_string().contains("Choose it again"), "{failure}");
    let kept = view(session.handle(
        Request::Mapping {
            mapping: ColumnMapping::default(),
        },
        vec![],
        &mut |_| {},
    ));
    assert_eq!(kept.respondents, again.respondents);
}

#[test]
fn a_large_file_is_fingerprinted_beside_its_read_and_the_fingerprint_handed_over() {
    let bytes = survey_of(150_000);
    assert!(bytes.len() >= FINGERPRINT_BESIDE_FROM);
    let slices = bytes.len().div_ceil(SLICE_BYTES);

    // The helper: the file's fingerprint, and nothing loaded.
    let (file, helper_read) = on_disk(&bytes);
    let reply = Session::default().handle(
        Request::Fingerprint,
        vec![Contents::Sliced(file.clone())],
        &mut |_| {},
    );
    assert_eq!(
        reply,
        Reply::Fingerprint {
            sha256: sha256_hex(&bytes)
        }
    );
    assert_eq!(helper_read.get(), slices);

    // The survey's session reads the same file without hashing it, takes the fingerprint
    // handed over, and its personas carry it: it read the file once, for the survey.
    let (file, survey_read) = on_disk(&bytes);
    let mut session = Session::default();
    let opened = view(session.handle(open_request(), vec![Contents::Sliced(file)], &mut |_| {}));
    let handed = Request::Fingerprinted {
        sha256: sha256_hex(&bytes),
    };
    let reply = session.handle(handed, vec![], &mut |_| {});
    assert_eq!(
        reply,
        Reply::Fingerprint {
            sha256: sha256_hex(&bytes)
        }
    );
    assert_eq!(
        fingerprint_of_personas(&mut session, &opened),
        sha256_hex(&bytes)
    );
    assert_eq!(survey_read.get(), slices, "read once, for the survey");

    // With no helper (it never started), the build works the fingerprint out itself, and
    // one handed over after that, or one that is no fingerprint, changes nothing.
    let (file, survey_read) = on_disk(&bytes);
    let mut session = Session::default();
    let opened = view(session.handle(open_request(), vec![Contents::Sliced(file)], &mut |_| {}));
    assert_eq!(
        fingerprint_of_personas(&mut session, &opened),
        sha256_hex(&bytes)
    );
    assert_eq!(
        survey_read.get(),
        2 * slices,
        "read again for its fingerprint"
    );
    for late in [sha256_hex(b"another file"), "not a fingerprint".to_string()] {
        let reply = session.handle(Request::Fingerprinted { sha256: late }, vec![], &mut |_| {});
        assert_eq!(
            reply,
            Reply::Fingerprint {
                sha256: sha256_hex(&bytes)
            }
        );
    }

    // Handed to a session with nothing loaded: refused.
    let reply = Session::default().handle(
        Request::Fingerprinted {
            sha256: sha256_hex(&bytes),
        },
        vec![],
        &mut |_| {},
    );
    assert_eq!(
        reply,
        Reply::Failed {
            failure: Failure::NothingLoaded
        }
    );
}
