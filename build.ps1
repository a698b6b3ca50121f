#!/usr/bin/env pwsh
# Cake-style bootstrapper for PowerShell: builds the host when any of its inputs changed, then runs it with every argument.
# It shares .build/host with build.sh: .NET's exclusive open is a flock on Unix, the same lock build.sh takes.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$out = Join-Path $root '.build/host'
$stamp = Join-Path $out '.inputs-pwsh'
$hostDll = Join-Path $out 'Build.dll'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    [Console]::Error.WriteLine('Error: the .NET SDK is not installed or not on PATH; install the version in global.json (https://dot.net).')
    exit 1
}

$inputs = @('build', 'src', 'global.json', 'Directory.Build.props', 'Directory.Packages.props') | ForEach-Object { Join-Path $root $_ }
$sdkId = ((& dotnet --list-sdks) -join ' ') + ' '

function Test-Stale {
    if (-not (Test-Path $hostDll) -or -not (Test-Path $stamp)) { return $true }
    if ((Get-Content $stamp -TotalCount 1) -ne $sdkId) { return $true }
    $built = (Get-Item -Force $stamp).LastWriteTimeUtc
    # A newer file or folder (a folder's time changes when a file in it is added or removed) means a rebuild.
    foreach ($path in $inputs) {
        $items = @(Get-Item $path) + @(Get-ChildItem $path -Recurse -Force -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' })
        if ($items | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1) { return $true }
    }
    return $false
}

New-Item -ItemType Directory -Force -Path $out | Out-Null
# Parallel callers must not build into the same folder at once: wait for the lock file.
$lock = $null
$deadline = (Get-Date).AddMinutes(10)
while ($null -eq $lock) {
    try { $lock = [System.IO.File]::Open((Join-Path $out '.lock'), 'OpenOrCreate', 'ReadWrite', 'None') }
    catch {
        if ((Get-Date) -gt $deadline) { throw "Error: another build of the host has held $out/.lock for 10 minutes." }
        Start-Sleep -Milliseconds 200
    }
}
try {
    if (Test-Stale) {
        $started = Join-Path $out '.started'
        Set-Content -Path $started -Value $sdkId -NoNewline:$false
        $log = Join-Path $out 'build.log'
        & dotnet build (Join-Path $root 'build/Build.csproj') -c Release -o $out --nologo -v q -clp:NoSummary *> $log
        if ($LASTEXITCODE -ne 0) {
            Get-Content $log | ForEach-Object { [Console]::Error.WriteLine($_) }
            [Console]::Error.WriteLine("Error: the build host did not compile (log above, also in $log).")
            exit 1
        }
        Move-Item -Force $started $stamp
    }
}
finally {
    $lock.Dispose()
}

& dotnet $hostDll @args
exit $LASTEXITCODE
