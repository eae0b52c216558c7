; Inno Setup script for LeadDesk on Windows. Build the one-folder app first on Windows:
;   python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\leaddesk.spec
; then compile this script:
;   iscc /DAppVersion=0.1.0 packaging\windows\leaddesk.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C0E2D3A-8F4B-4E7A-9F61-4C1D2B7A5E10}
AppName=LeadDesk
AppVersion={#AppVersion}
AppPublisher=Ericco International
DefaultDirName={autopf}\LeadDesk
DefaultGroupName=LeadDesk
OutputBaseFilename=LeadDesk-{#AppVersion}-setup
SetupIconFile=..\icons\leaddesk.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\leaddesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\LeadDesk"; Filename: "{app}\leaddesk.exe"
Name: "{autodesktop}\LeadDesk"; Filename: "{app}\leaddesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\leaddesk.exe"; Description: "{cm:LaunchProgram,LeadDesk}"; Flags: nowait postinstall skipifsilent
