//! The council's PDF: the council's report workbook rendered by
//! LibreOffice (headless), the program the council's office already uses
//! to open the workbook, so the PDF is what they would print.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::i18n::Text;
use crate::workbook::ReportWorkbook;

/// LibreOffice's program on the `PATH`.
fn soffice() -> Option<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("soffice"))
        .find(|f| f.is_file())
}

/// Writes `council` as a PDF to `pdf`. LibreOffice runs with a profile of
/// its own in a temporary folder, so that a LibreOffice the user has open
/// does not take the job (it would, and print nothing).
pub(crate) fn render(council: &ReportWorkbook<'_>, pdf: &Path) -> Result<(), Error> {
    let name = pdf.display().to_string();
    let not_available =
        |reason: Text| Error::new(ErrorKind::NotAvailable { reason }).in_file(&name);
    let soffice = soffice().ok_or_else(|| {
        not_available(Text::new(
            "PDF vytváří LibreOffice, který tu není nainstalován: nainstalujte jej (Debian: apt-get install libreoffice-calc-nogui)",
            "the PDF is rendered by LibreOffice, which is not installed here: install it (Debian: apt-get install libreoffice-calc-nogui)",
        ))
    })?;
    let dir = std::env::temp_dir().join(format!("homecare-pdf-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| Error::write(Some(&dir), e))?;
    let stem = pdf
        .file_stem()
        .map_or_else(|| "zprava".into(), |s| s.to_string_lossy().into_owned());
    let xlsx = dir.join(format!("{stem}.xlsx"));
    council.save(&xlsx)?;
    let out = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&xlsx)
        .output()
        .map_err(|e| Error::write(Some(pdf), e))?;
    let made = dir.join(format!("{stem}.pdf"));
    if !out.status.success() || !made.exists() {
        let said = String::from_utf8_lossy(&out.stderr);
        let first = said.lines().next().unwrap_or("no PDF written");
        return Err(not_available(Text {
            cs: format!("LibreOffice: {first}"),
            en: format!("LibreOffice: {first}"),
        }));
    }
    std::fs::copy(&made, pdf).map_err(|e| Error::write(Some(pdf), e))?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
