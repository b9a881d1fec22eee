"""The installers' recipes, checked as far as this machine can: the release workflow parses and calls scripts that
exist, the Inno Setup script names only files the build makes, the macOS plists are valid and declare the .bpp
document, the Linux desktop entry, file type and metainfo agree, and the README names the window's packages."""

import importlib.util
import os
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

from playground.system_libraries import window_packages

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
MIME_TYPE = "application/x-backprop-playground"
CJK = re.compile(r"[\u4e00-\u9fff]")


def load_build():
    spec = importlib.util.spec_from_file_location("packaging_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load_build()


def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))


def commands(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_the_release_workflow_builds_on_three_systems_and_releases_on_a_tag():
    jobs = workflow()["jobs"]
    triggers = workflow().get("on", workflow().get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["tags"] == ["v*"]
    assert {name: job["runs-on"].split("-")[0] for name, job in jobs.items() if name != "release"} == \
        {"linux": "ubuntu", "windows": "windows", "macos": "macos"}
    for name in ("linux", "windows", "macos"):
        assert "--smoke-test" in commands(jobs[name]), f"{name} does not run its artifact's smoke test"
        assert any("upload-artifact" in step.get("uses", "") for step in jobs[name]["steps"])
    release = jobs["release"]
    assert set(release["needs"]) == {"linux", "windows", "macos"}
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}
    assert "gh release upload" in commands(release)


def test_the_release_workflow_calls_only_scripts_and_names_that_exist():
    run = "\n".join(commands(job) for job in workflow()["jobs"].values())
    scripts = set(re.findall(r"packaging[/\\][\w/\\.-]+\.(?:py|sh|iss)", run))
    assert {Path(script.replace("\\", "/")).name for script in scripts} == \
        {"build.py", "make-dmg.sh", "backprop-playground.iss"}, scripts
    for script in scripts:
        assert (ROOT / script.replace("\\", "/")).is_file(), f"the workflow calls {script}, which does not exist"
    for option in re.findall(r"packaging/build\.py((?: --\w+)*)", run):
        for flag in option.split():
            assert f'"{flag}"' in (PACKAGING / "build.py").read_text(), f"build.py has no {flag}"
    assert "from playground.system_libraries import window_packages" in run and callable(window_packages)
    for step in (step for job in workflow()["jobs"].values() for step in job["steps"]):
        if "uses" in step:
            assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), step["uses"]


def iss_defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "(.*)"$', text, re.MULTILINE))


def test_the_inno_setup_script_names_only_files_the_build_makes():
    text = (PACKAGING / "windows" / "backprop-playground.iss").read_text(encoding="utf-8")
    defines = iss_defines(text)
    assert (PACKAGING / "windows" / defines["Dist"].replace("\\", "/")).resolve() == PACKAGING / "dist" / build.NAME
    assert defines["AppExe"] == f"{build.NAME}.exe" and defines["AppIcon"] == build.WINDOWS_ICON
    expanded = re.sub(r"\{#(\w+)\}", lambda match: defines.get(match.group(1), match.group(0)), text)
    named = set(re.findall(r"(?:\{app\}|dist\\backprop-playground)\\([\w.-]+\.\w+)", expanded))
    assert named == {f"{build.NAME}.exe", build.WINDOWS_ICON}, named
    assert re.findall(r'^Source: "([^"]+)"', expanded, re.MULTILINE) == ["..\\dist\\backprop-playground\\*"]


def test_the_inno_setup_script_installs_per_user_with_a_menu_entry_an_uninstaller_and_the_bpp_type():
    text = (PACKAGING / "windows" / "backprop-playground.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text and "{autopf}" in text
    assert 'Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in text
    assert "Uninstallable=no" not in text and "ChangesAssociations=yes" in text
    assert 'Subkey: "Software\\Classes\\.bpp"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"' in text
    assert 'Subkey: "Software\\Classes\\{#ProgId}\\DefaultIcon"' in text
    assert 'ValueData: """{app}\\{#AppExe}"" ""%1"""' in text


def test_the_macos_info_plist_is_valid_and_declares_the_bpp_document_with_its_icon():
    with open(PACKAGING / "macos" / "Info.plist", "rb") as file:
        info = plistlib.load(file)
    icon = f"{build.NAME}.icns"  # what build.py renders and PyInstaller copies into the app's Resources
    assert info["CFBundleIconFile"] == icon
    document, = info["CFBundleDocumentTypes"]
    declared, = info["UTExportedTypeDeclarations"]
    assert document["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]
    assert document["CFBundleTypeIconFile"] == icon and document["CFBundleTypeRole"] == "Editor"
    assert declared["UTTypeTagSpecification"] == {"public.filename-extension": ["bpp"], "public.mime-type": MIME_TYPE}
    assert "CFBundleShortVersionString" not in info, "build.py writes the project's version"
    with open(PACKAGING / "macos" / "entitlements.plist", "rb") as file:
        assert all(value is True for value in plistlib.load(file).values())
    script = (PACKAGING / "macos" / "make-dmg.sh").read_text(encoding="utf-8")
    assert "hdiutil create" in script and "entitlements.plist" in script and "notarytool submit" in script
    assert f"{build.NAME}.app" in script


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
@pytest.mark.parametrize("script", ["macos/make-dmg.sh", "linux/install-desktop-entry.sh", "linux/maintainer-script"])
def test_the_shell_scripts_parse(script):
    checked = subprocess.run(["sh", "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def desktop_entry() -> dict[str, str]:
    lines = (LINUX / "backprop-playground.desktop").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_entry_the_file_type_and_the_metainfo_agree():
    entry = desktop_entry()
    assert entry["MimeType"] == f"{MIME_TYPE};" and entry["Exec"] == "backprop-playground %f"
    assert entry["Icon"] == build.NAME
    mime = ElementTree.parse(LINUX / "backprop-playground.xml").getroot()
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    declared = mime.find("m:mime-type", namespace)
    assert declared.get("type") == MIME_TYPE
    assert declared.find("m:glob", namespace).get("pattern") == "*.bpp"
    assert declared.find("m:icon", namespace).get("name") == build.NAME
    metainfo = ElementTree.parse(LINUX / "backprop-playground.metainfo.xml").getroot()
    assert metainfo.findtext("launchable") == "backprop-playground.desktop"
    assert metainfo.findtext("provides/mediatype") == MIME_TYPE
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(LINUX / "backprop-playground.desktop")],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def load_translations():
    spec = importlib.util.spec_from_file_location("packaging_translations", PACKAGING / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fields(entry: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)


def assert_valid_desktop_entry(path: Path) -> None:
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        # Hints are advice (two main categories put the app under both); errors and warnings are not.
        assert checked.returncode == 0 and not re.search(r": (error|warning):", checked.stdout), checked.stdout


def test_the_menu_entry_says_what_the_app_is_in_the_window_s_languages(tmp_path, monkeypatch):
    """A Chinese desktop's menu described the app in English: the entry had no GenericName[zh_CN] or Comment[zh_CN].
    Their words are the window's (Help > About), translated once, in the catalogue."""
    monkeypatch.syspath_prepend(str(PACKAGING))  # build.py imports translations.py beside it, as when it runs
    entry = build.desktop_entry()
    english, localized = desktop_entry(), fields(entry)
    for key in ("GenericName", "Comment"):
        assert CJK.search(localized[f"{key}[zh_CN]"]) and not re.search(r"[A-Za-z]", localized[f"{key}[zh_CN]"])
        assert load_translations().translated(english[key]) == {"zh_CN": localized[f"{key}[zh_CN]"]}
    assert {key: value for key, value in localized.items() if "[" not in key} == english
    (tmp_path / f"{build.NAME}.desktop").write_text(entry, encoding="utf-8")
    assert_valid_desktop_entry(tmp_path / f"{build.NAME}.desktop")


def test_the_folder_s_script_puts_the_translated_menu_entry_in_the_menu_for_where_the_folder_is(tmp_path, monkeypatch):
    """install-desktop-entry.sh wrote its own English copy of the entry, without its translations."""
    monkeypatch.syspath_prepend(str(PACKAGING))
    folder = tmp_path / "apps & tools" / build.NAME  # a name with a character sed would take for its own
    folder.mkdir(parents=True)
    (folder / f"{build.NAME}.desktop").write_text(build.desktop_entry(), encoding="utf-8")
    for name in ("install-desktop-entry.sh", f"{build.NAME}.xml"):
        shutil.copy2(LINUX / name, folder)
    data = tmp_path / "data"
    installed = subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], capture_output=True, text=True,
                               env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)})
    assert installed.returncode == 0, installed.stderr
    path = data / "applications" / f"{build.NAME}.desktop"
    entry = fields(path.read_text(encoding="utf-8"))
    assert entry["Exec"] == f'"{folder / build.NAME}" %f' and entry["Icon"] == str(folder / f"{build.NAME}.png")
    assert CJK.search(entry["Comment[zh_CN]"]) and CJK.search(entry["GenericName[zh_CN]"])
    assert_valid_desktop_entry(path)


def test_the_metainfo_summary_is_in_the_window_s_languages_too(tmp_path):
    metainfo = load_translations().localized_metainfo((LINUX / "backprop-playground.metainfo.xml").read_text(
        encoding="utf-8")).replace("@VERSION@", "1.0").replace("@DATE@", "2026-01-01")
    root = ElementTree.fromstring(metainfo)
    summaries = {summary.get("{http://www.w3.org/XML/1998/namespace}lang"): summary.text
                 for summary in root.findall("summary")}
    assert summaries[None] == desktop_entry()["Comment"] and CJK.search(summaries["zh_CN"]), summaries
    if shutil.which("appstreamcli"):
        (tmp_path / "backprop-playground.metainfo.xml").write_text(metainfo, encoding="utf-8")
        written = tmp_path / "backprop-playground.metainfo.xml"
        checked = subprocess.run(["appstreamcli", "validate", "--no-net", str(written)], capture_output=True, text=True)
        assert not re.search(r"^E: |error:", checked.stdout + checked.stderr, re.MULTILINE), checked.stdout


def test_the_readme_set_up_line_for_debian_names_the_window_packages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line, = [line for line in readme.splitlines() if line.startswith("sudo apt install")]
    assert line.split()[3:] == window_packages()
