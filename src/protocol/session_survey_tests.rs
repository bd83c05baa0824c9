//! The session's requests that change what the loaded survey is (the helpers are the
//! parent module's).

use super::*;

#[test]
fn a_redcap_dictionary_drops_its_identifiers_and_labels_the_codes() {
    let shared = |name: &str| {
        std::fs::read(format!(
            "{}/../shared/survey-samples/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("shared REDCap sample")
    };
    let mut session = Session::default();
    let raw = view(read(&mut session, shared("redcap-raw.csv")).1);
    let with_dictionary = |dictionary: &str| Request::Open {
        file_name: "redcap-raw.csv".into(),
        recipe: Box::new(raw.recipe.clone()),
        mapping: raw.mapping.clone(),
        dictionary_file: Some(dictionary.into()),
        extract_file: None,
    };
    let (_, reply) = replies_of(
        &mut session,
        with_dictionary("dictionary.csv"),
        vec![
            shared("redcap-raw.csv"),
            shared("redcap-data-dictionary.csv"),
        ],
    );
    let labelled = view(reply);
    let dictionary = labelled
        .recipe
        .dictionary
        .clone()
        .expect("kept in the recipe");
    for field in &dictionary.identifiers {
        assert!(!labelled.columns.contains(field), "{field} dropped");
    }
    assert!(labelled
        .columns
        .iter()
        .any(|c| c == "I currently have Type 2 Diabetes"));
    assert!(!raw
        .columns
        .iter()
        .any(|c| c == "I currently have Type 2 Diabetes"));
    let (_, reply) = replies_of(
        &mut session,
        with_dictionary("notes.csv"),
        vec![shared("redcap-raw.csv"), b"a,b\n1,2\n".to_vec()],
    );
    assert!(matches!(
        reply,
        Reply::Failed {
            failure: Failure::Dictionary(crate::survey::DictionaryError::NotADictionary)
        }
    ));
    // The next wave of the same project keeps the dictionary.
    let next = open(
        "wave2.csv",
        Recipe {
            dictionary: Some(dictionary),
            ..Recipe::default()
        },
    );
    let (_, reply) = replies_of(&mut session, next, vec![shared("redcap-raw.csv")]);
    assert_eq!(view(reply).columns, labelled.columns);
}

#[test]
fn a_kind_the_answers_do_not_fit_is_refused_and_one_that_fits_survives_a_reread() {
    let mut session = Session::default();
    view(read(&mut session, survey_csv(60)).1);
    let as_number = ColumnMapping {
        kinds: BTreeMap::from([("How do you travel?".to_string(), ColumnKind::Numeric)]),
        ..ColumnMapping::default()
    };
    let (_, reply) = replies_of(
        &mut session,
        Request::Mapping { mapping: as_number },
        vec![],
    );
    assert!(matches!(
        reply,
        Reply::Failed { failure: Failure::Kind(crate::columns::KindRefusal::NotANumber { answer, .. }) }
            if answer == "Bus"
    ));
    let as_text = ColumnMapping {
        kinds: BTreeMap::from([("How do you travel?".to_string(), ColumnKind::FreeText)]),
        ..ColumnMapping::default()
    };
    let text = view(
        replies_of(
            &mut session,
            Request::Mapping {
                mapping: as_text.clone(),
            },
            vec![],
        )
        .1,
    );
    assert_eq!(text.summaries[0].kind, ColumnKind::FreeText);
    assert_eq!(
        text.summaries[0].role,
        Role::Quotes,
        "the role follows the new kind"
    );
    assert_eq!(text.mapping, as_text);
    let lowered = PrivacySettings {
        min_group_size: 12,
        ..PrivacySettings::default()
    };
    let reread = view(
        replies_of(
            &mut session,
            Request::Settings { settings: lowered },
            vec![],
        )
        .1,
    );
    assert_eq!(reread.summaries[0].kind, ColumnKind::FreeText);
    let (_, reply) = replies_of(
        &mut session,
        Request::Mapping {
            mapping: ColumnMapping::default(),
        },
        vec![],
    );
    assert_eq!(
        view(reply).summaries[0].kind,
        ColumnKind::Categorical,
        "back to the kind worked out"
    );
}

#[test]
fn a_refresh_compares_kept_personas_with_the_loaded_wave() {
    let mut session = Session::default();
    view(read(&mut session, survey_csv(60)).1);
    let now = datetime!(2026-11-25 9:00 UTC);
    let Reply::Built { built } = build_by_first_column(&mut session, now).1 else {
        panic!("expected personas");
    };
    view(read(&mut session, survey_csv(90)).1);
    let request = Request::Refresh {
        personas: crate::refresh::kept(&built.personas),
        now,
    };
    // The request crosses the worker boundary as JSON.
    let json = serde_json::to_string(&request).unwrap();
    let request: Request = serde_json::from_str(&json).unwrap();
    let Reply::Refreshed { mut refresh } = replies_of(&mut session, request, vec![]).1 else {
        panic!("expected a refresh");
    };
    // The page puts the recounts into its own personas.
    refresh.finish(&built.personas);
    assert_eq!(refresh.respondents, 90);
    assert_eq!(refresh.personas.len(), 3);
    for r in &refresh.personas {
        assert_eq!(r.size_after, Some(30));
        assert_eq!(r.drift, crate::refresh::Drift::Stable, "{:?}", r.reasons);
        let next = r.refreshed.as_ref().expect("the kept persona, refreshed");
        let kept = built.personas.iter().find(|p| p.id == r.id).unwrap();
        assert_eq!(next.segment.size, 30);
        assert_eq!(
            next.created_at, kept.created_at,
            "the kept persona, not the recount"
        );
        assert_eq!(next.waves.last().unwrap().drift, Some(r.drift));
        assert!(r.recount.is_none(), "taken into the persona");
    }
    assert_eq!(refresh.fits_none, Some(0));
}

#[test]
fn a_longitudinal_project_lists_its_events_and_analyses_the_one_chosen() {
    let mut csv = String::from("record_id,redcap_event_name,How do you travel?,Weight\n");
    for record in 0..24 {
        let travel = ["Bus", "Car"][record % 2];
        csv.push_str(&format!(
            "{record},baseline_arm_1,{travel},{}\n",
            60 + record
        ));
        csv.push_str(&format!("{record},week_4_arm_1,,{}\n", 61 + record));
    }
    let mut session = Session::default();
    let first = view(read(&mut session, csv.clone().into_bytes()).1);
    assert_eq!(first.respondents, 24, "one respondent per record");
    let longitudinal = first.longitudinal.clone().unwrap();
    let events: Vec<_> = longitudinal
        .events
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(events, ["baseline", "week_4"]);
    assert_eq!(longitudinal.chosen, "baseline");
    // The page reads the file again with another event in the recipe.
    let recipe = Recipe {
        event: Some("week_4".into()),
        ..first.recipe.clone()
    };
    let later = view(
        replies_of(
            &mut session,
            open("wave.csv", recipe),
            vec![csv.into_bytes()],
        )
        .1,
    );
    let longitudinal = later.longitudinal.unwrap();
    assert_eq!(longitudinal.chosen, "week_4");
    assert_eq!(longitudinal.carried, ["How do you travel?"]);
    assert_eq!(later.recipe.event.as_deref(), Some("week_4"));
    assert!(later.warnings.iter().any(|w| w.contains("“week_4”")));
}

#[test]
fn an_undone_merge_or_fold_is_in_the_mapping_the_page_remembers() {
    let mut csv = String::from("Gender,Channels\n");
    for i in 0..40 {
        let gender = ["Female", "female", "M", "Male"][i % 4];
        let channels = ["App, Text", "Phone", "Text, Letter", "App, Phone, Text"][i % 4];
        csv.push_str(&format!("{gender},\"{channels}\"\n"));
    }
    let mut session = Session::default();
    let first = view(read(&mut session, csv.clone().into_bytes()).1);
    assert_eq!(first.summaries[1].kind, ColumnKind::MultiSelect);
    let female = first
        .merges
        .iter()
        .find(|m| m.into == "Female")
        .unwrap()
        .key();
    let undo = Request::MergeUndone {
        key: female.clone(),
        undone: true,
    };
    let undone = view(replies_of(&mut session, undo, vec![]).1);
    assert!(undone.mapping.undone_merges.contains(&female));
    let unfold = Request::FoldUndone {
        question: "Channels".into(),
        undone: true,
    };
    let unfolded = view(replies_of(&mut session, unfold, vec![]).1);
    assert_ne!(unfolded.summaries[1].kind, ColumnKind::MultiSelect);
    // The next wave, with the mapping the page stored, comes out the same.
    let remembered = unfolded.mapping.clone();
    let mut next = Session::default();
    view(read(&mut next, csv.into_bytes()).1);
    let again = view(
        replies_of(
            &mut next,
            Request::Remembered {
                mapping: remembered,
            },
            vec![],
        )
        .1,
    );
    assert_eq!(again.summaries, unfolded.summaries);
    assert_eq!(again.mapping, unfolded.mapping);
}
