# PHS Doctor collector (read-only): run it on the Microsoft Entra Connect server in Windows PowerShell 5.1
# (or PowerShell 7) as a member of ADSyncAdmins. It reads the Connect configuration and the last 24 hours
# of password hash sync events and prints one block, BEGIN to END, to paste into PHS Doctor's Analyze page
# (or `phs-doctor diagnose`). It changes nothing in Connect, Active Directory or Microsoft Entra ID; it
# saves the block as phs-doctor-report.txt next to the script (replacing an older one) and puts it on the
# clipboard. The block is base64 of a JSON report: decode it to see everything it holds before you share
# it. A step that fails is recorded in the report's "errors" and the rest go on.
$ErrorActionPreference = 'Stop'
$inv = [System.Globalization.CultureInfo]::InvariantCulture
$stepErrors = New-Object System.Collections.ArrayList
$nowUtc = [DateTime]::UtcNow

function Add-PhsStepError($Step, $Record) {
    $message = [string]$Record
    if ($null -ne $Record.Exception) { $message = [string]$Record.Exception.Message }
    $item = [ordered]@{ step = $Step; message = $message }
    [void]$stepErrors.Add($item)
}

# A string as a JSON string: pure ASCII, every other character as \uXXXX.
function ConvertTo-PhsJsonString([string]$Text) {
    $sb = New-Object System.Text.StringBuilder
    [void]$sb.Append('"')
    foreach ($ch in $Text.ToCharArray()) {
        $code = [int]$ch
        if ($ch -eq '"') { [void]$sb.Append('\"') }
        elseif ($ch -eq '\') { [void]$sb.Append('\\') }
        elseif ($code -lt 32 -or $code -gt 126) { [void]$sb.Append('\u').Append($code.ToString('x4', $inv)) }
        else { [void]$sb.Append($ch) }
    }
    [void]$sb.Append('"')
    return $sb.ToString()
}

# Culture-invariant JSON of what this script builds: null, booleans, integers, strings, UTC times
# (ISO 8601 ending in Z), ordered dictionaries and lists.
function ConvertTo-PhsJson($Value) {
    if ($null -eq $Value) { return 'null' }
    if ($Value -is [bool]) {
        if ($Value) { return 'true' }
        return 'false'
    }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [uint32] -or $Value -is [uint16] -or $Value -is [byte]) {
        return $Value.ToString($inv)
    }
    if ($Value -is [DateTime]) {
        return '"' + $Value.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", $inv) + '"'
    }
    if ($Value -is [System.Collections.IDictionary]) {
        $parts = New-Object System.Collections.ArrayList
        foreach ($key in $Value.Keys) {
            [void]$parts.Add((ConvertTo-PhsJsonString ([string]$key)) + ':' + (ConvertTo-PhsJson $Value[$key]))
        }
        return '{' + ($parts -join ',') + '}'
    }
    if (($Value -is [System.Collections.IEnumerable]) -and -not ($Value -is [string])) {
        $parts = New-Object System.Collections.ArrayList
        foreach ($item in $Value) { [void]$parts.Add((ConvertTo-PhsJson $item)) }
        return '[' + ($parts -join ',') + ']'
    }
    return ConvertTo-PhsJsonString ([string]$Value)
}

# A setting as true, false or null (null when the cmdlet did not return it, never a guessed false).
function ConvertTo-PhsBool($Value) {
    if ($null -eq $Value) { return $null }
    return [bool]$Value
}

# An event level as a word (Windows prints LevelDisplayName in the server's language).
function Get-PhsLevel($Level) {
    switch ([int]$Level) {
        1 { return 'critical' }
        2 { return 'error' }
        3 { return 'warning' }
        4 { return 'information' }
        5 { return 'verbose' }
    }
    return 'information'
}

# Events of one provider since $Since; no matching event is an empty list, not an error.
function Get-PhsEvents($Provider, $Ids, $Since, $Max) {
    $filter = @{ LogName = 'Application'; ProviderName = $Provider; Id = $Ids; StartTime = $Since }
    try {
        return @(Get-WinEvent -FilterHashtable $filter -MaxEvents $Max -ErrorAction Stop)
    }
    catch {
        if ([string]$_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { return @() }
        throw
    }
}

$report = [ordered]@{
    schema = 'phs-doctor-report/1'
    collected_utc = $nowUtc
    computer = $env:COMPUTERNAME
    os = $null
    culture = $null
    ui_culture = $null
    powershell = $null
    connect_version = $null
    tls12 = $null
    tls12_registry = $null
    staging_mode = $null
    tenant_phs_enabled = $null
    scheduler = $null
    connectors = (New-Object System.Collections.ArrayList)
    phs_config = (New-Object System.Collections.ArrayList)
    heartbeats = (New-Object System.Collections.ArrayList)
    events = (New-Object System.Collections.ArrayList)
    events_cap = 300
    errors = $stepErrors
}

try { $report.powershell = $PSVersionTable.PSVersion.ToString() } catch { Add-PhsStepError 'powershell' $_ }
try { $report.culture = (Get-Culture).Name } catch { Add-PhsStepError 'culture' $_ }
try { $report.ui_culture = (Get-UICulture).Name } catch { Add-PhsStepError 'ui_culture' $_ }
try {
    $osInfo = Get-CimInstance -ClassName Win32_OperatingSystem
    $report.os = [string]$osInfo.Caption + ' ' + [string]$osInfo.Version
}
catch {
    Add-PhsStepError 'os' $_
    $report.os = [System.Environment]::OSVersion.VersionString
}

try {
    $service = Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\ADSync' -Name ImagePath
    $exe = ([string]$service.ImagePath).Trim().Trim('"')
    $report.connect_version = [string](Get-Item -LiteralPath $exe).VersionInfo.FileVersion
}
catch { Add-PhsStepError 'connect_version' $_ }

try {
    $tls = [ordered]@{}
    $allOn = $true
    foreach ($key in @('HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319')) {
        $values = $null
        if (Test-Path -LiteralPath $key) { $values = Get-ItemProperty -LiteralPath $key }
        foreach ($name in @('SystemDefaultTlsVersions', 'SchUseStrongCrypto')) {
            $value = $null
            if ($null -ne $values -and $null -ne $values.$name) { $value = [int]$values.$name }
            $tls[$key.Replace('HKLM:\SOFTWARE\', '') + '\' + $name] = $value
            if ($value -ne 1) { $allOn = $false }
        }
    }
    $report.tls12_registry = $tls
    $report.tls12 = $allOn
}
catch { Add-PhsStepError 'tls12' $_ }

$adSync = $true
try { Import-Module ADSync } catch { Add-PhsStepError 'Import-Module ADSync' $_; $adSync = $false }

if ($adSync) {
    try {
        $scheduler = Get-ADSyncScheduler
        $report.scheduler = [ordered]@{
            sync_cycle_enabled = (ConvertTo-PhsBool $scheduler.SyncCycleEnabled)
            staging_mode_enabled = (ConvertTo-PhsBool $scheduler.StagingModeEnabled)
            scheduler_suspended = (ConvertTo-PhsBool $scheduler.SchedulerSuspended)
            sync_cycle_in_progress = (ConvertTo-PhsBool $scheduler.SyncCycleInProgress)
        }
        $report.staging_mode = (ConvertTo-PhsBool $scheduler.StagingModeEnabled)
    }
    catch { Add-PhsStepError 'Get-ADSyncScheduler' $_ }

    try { $report.tenant_phs_enabled = ConvertTo-PhsBool (Get-ADSyncAADCompanyFeature).PasswordHashSync }
    catch { Add-PhsStepError 'Get-ADSyncAADCompanyFeature' $_ }

    $adConnectors = @()
    try {
        $connectors = @(Get-ADSyncConnector)
        foreach ($connector in $connectors) {
            $item = [ordered]@{
                name = [string]$connector.Name
                type = [string]$connector.ConnectorTypeName
                subtype = [string]$connector.SubType
                id = $connector.Identifier.ToString('D')
            }
            [void]$report.connectors.Add($item)
        }
        $adConnectors = @($connectors | Where-Object { $_.ConnectorTypeName -eq 'AD' })
    }
    catch { Add-PhsStepError 'Get-ADSyncConnector' $_ }

    foreach ($adConnector in $adConnectors) {
        try {
            $configs = @(Get-ADSyncAADPasswordSyncConfiguration -SourceConnector $adConnector.Name)
            foreach ($config in $configs) {
                $item = [ordered]@{
                    ad_connector = [string]$config.SourceConnector
                    aad_connector = [string]$config.TargetConnector
                    enabled = (ConvertTo-PhsBool $config.Enabled)
                }
                [void]$report.phs_config.Add($item)
            }
        }
        catch { Add-PhsStepError ('Get-ADSyncAADPasswordSyncConfiguration ' + $adConnector.Name) $_ }
    }

    try {
        $since3h = $nowUtc.AddHours(-3).ToLocalTime()
        $pings = Get-PhsEvents 'Directory Synchronization' @(654) $since3h 1000
        foreach ($adConnector in $adConnectors) {
            $id = $adConnector.Identifier.ToString('D').ToUpperInvariant()
            $mine = @($pings | Where-Object { $null -ne $_.Message -and $_.Message.ToUpperInvariant().Contains($id) } | Sort-Object -Property TimeCreated -Descending)
            $newest = $null
            if ($mine.Count -gt 0) { $newest = $mine[0].TimeCreated }
            $item = [ordered]@{
                connector = [string]$adConnector.Name
                connector_id = $adConnector.Identifier.ToString('D')
                count_3h = $mine.Count
                newest_utc = $newest
            }
            [void]$report.heartbeats.Add($item)
        }
    }
    catch { Add-PhsStepError 'heartbeats (event 654)' $_ }
}

$since = $nowUtc.AddHours(-24).ToLocalTime()
$found = New-Object System.Collections.ArrayList
try {
    $ids = @(0, 611, 613, 616, 617, 618, 619, 620, 621, 622, 623, 650, 651, 652, 653, 654, 655, 656, 657, 664, 667)
    foreach ($e in (Get-PhsEvents 'Directory Synchronization' $ids $since 300)) { [void]$found.Add($e) }
}
catch { Add-PhsStepError 'events (Directory Synchronization)' $_ }
try {
    foreach ($e in (Get-PhsEvents 'ADSync' @(6900) $since 50)) { [void]$found.Add($e) }
}
catch { Add-PhsStepError 'events (ADSync 6900)' $_ }
try {
    $newestFirst = @($found | Sort-Object -Property TimeCreated -Descending | Select-Object -First 300)
    foreach ($e in $newestFirst) {
        $message = $e.Message
        if ($null -eq $message) {
            # No message file: the event's inserted strings.
            $strings = New-Object System.Collections.ArrayList
            foreach ($p in $e.Properties) { [void]$strings.Add([string]$p.Value) }
            $message = $strings -join "`n"
        }
        if ($message.Length -gt 4000) { $message = $message.Substring(0, 4000) }
        $item = [ordered]@{
            id = [int]$e.Id
            provider = [string]$e.ProviderName
            time_utc = $e.TimeCreated
            level = (Get-PhsLevel $e.Level)
            message = $message
        }
        [void]$report.events.Add($item)
    }
}
catch { Add-PhsStepError 'events' $_ }

# The block: base64 of the JSON's UTF-8 bytes in lines of 76, its length and SHA-256 on the END line.
$json = ConvertTo-PhsJson $report
$bytes = [System.Text.Encoding]::UTF8.GetBytes($json)
$sha = [System.Security.Cryptography.SHA256]::Create()
$hash = $sha.ComputeHash($bytes)
$hex = New-Object System.Text.StringBuilder
foreach ($b in $hash) { [void]$hex.Append($b.ToString('x2', $inv)) }
$base64 = [System.Convert]::ToBase64String($bytes)
$lines = New-Object System.Collections.ArrayList
[void]$lines.Add('-----BEGIN PHS-DOCTOR REPORT v1-----')
for ($i = 0; $i -lt $base64.Length; $i += 76) {
    [void]$lines.Add($base64.Substring($i, [Math]::Min(76, $base64.Length - $i)))
}
[void]$lines.Add('-----END PHS-DOCTOR REPORT v1 length=' + $bytes.Length.ToString($inv) + ' sha256=' + $hex.ToString() + '-----')
$block = ($lines -join "`r`n") + "`r`n"

Write-Host 'Copy everything from the BEGIN line to the END line into PHS Doctor (Analyze page, or phs-doctor diagnose).'
foreach ($line in $lines) { Write-Output $line }
if ($PSScriptRoot) {
    try {
        $file = $PSScriptRoot + '\phs-doctor-report.txt'
        [System.IO.File]::WriteAllText($file, $block, [System.Text.Encoding]::ASCII)
        Write-Host ('The block is saved in ' + $file)
    }
    catch { Write-Host ('The block could not be saved next to the script: ' + $_.Exception.Message) }
}
try {
    Set-Clipboard -Value $block
    Write-Host 'The block is on the clipboard.'
}
catch { Write-Host 'The block could not be put on the clipboard: copy it from above.' }
