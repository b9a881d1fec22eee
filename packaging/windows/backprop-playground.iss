; The Windows installer (Inno Setup 6): Backprop Playground for the current user (no administrator rights), a
; Start-menu entry, an uninstaller in Settings > Apps, and the .bpp file type, which opens the app and shows its icon.
; It packs the folder that packaging/build.py made and smoke-tested; .github/workflows/release.yml runs it as
;
;     iscc /DAppVersion=0.1.0 packaging\windows\backprop-playground.iss
;
; Paths are relative to this file. The installer lands beside the folder, in packaging\dist.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (playground/__init__.py has it)
#endif
#define AppName "Backprop Playground"
#define AppExe "backprop-playground.exe"
#define AppIcon "backprop-playground.ico"
#define Dist "..\dist\backprop-playground"
#define ProgId "BackpropPlayground.Project"

[Setup]
; The same AppId in every version: a new installer upgrades the installed app in place.
AppId={{4A1A367D-2F8C-43BA-B1E2-0235CD9C426C}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Backprop Playground contributors
; Per user: {autopf} is %LOCALAPPDATA%\Programs and HKA is HKEY_CURRENT_USER.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Dist}\{#AppIcon}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
ChangesAssociations=yes
OutputDir=..\dist
OutputBaseFilename=backprop-playground-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .bpp files: opened by the app, shown with its icon; the uninstaller removes what it added.
Root: HKA; Subkey: "Software\Classes\.bpp"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bpp\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Backprop Playground project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppIcon}"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
