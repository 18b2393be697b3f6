# Xuc build script for Windows users: the same verbs as build.sh (run, test, bench, import, pbxsim, build).
# PostgreSQL tests run when XUC_TEST_PG holds a connection string; otherwise they are skipped.
param([Parameter(Position = 0)][string]$Verb = "help", [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = "1"; $env:DOTNET_NOLOGO = "1"
switch ($Verb) {
  "build"  { dotnet build Xuc.sln -c Release -nologo -v q; exit $LASTEXITCODE }
  "run"    { dotnet run -c Release --no-launch-profile --project src/Xuc.Host -- @Rest; exit $LASTEXITCODE }
  "import" { dotnet run -c Release --no-launch-profile --project src/Xuc.Host -- import-config @Rest; exit $LASTEXITCODE }
  "import-callbacks" { dotnet run -c Release --no-launch-profile --project src/Xuc.Host -- import-callbacks @Rest; exit $LASTEXITCODE }
  "pbxsim" { dotnet run -c Release --project src/Xuc.PbxSim -- @Rest; exit $LASTEXITCODE }
  "test"   { dotnet build Xuc.sln -c Release -nologo -v q; if ($LASTEXITCODE) { exit $LASTEXITCODE }
             dotnet test tests/Xuc.Tests -c Release --no-build @Rest; exit $LASTEXITCODE }
  "bench"  { if (-not $Rest) { $Rest = @("all") }; dotnet run -c Release --project bench/Xuc.Bench -- @Rest; exit $LASTEXITCODE }
  default  { Write-Output "usage: ./build.ps1 run|test|bench [ami-parse|startup|config-write|sim-volume|sessions|session-latency|session-fanout|agents|stats|all]|import FILE.json --replace|--merge|import-callbacks LIST FILE.csv|pbxsim|build" }
}
