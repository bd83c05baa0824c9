//! The browser edge: the only code that talks to browser APIs besides the UI.
//! Each function is small and does one browser thing for the pure core.

pub mod clock;
pub mod download;
pub mod files;
pub mod idb;
pub mod library_file;
pub mod offline;
pub mod persist;
pub mod pipeline_service;
pub mod pipeline_worker;
pub mod storage;
pub mod tabs;
#[cfg(feature = "workbooks")]
pub mod workbook_service;
pub mod workbook_worker;
pub mod worker_files;
