# Trigger a full sync of all passwords.
# Run this script only once. If you need to run it more than once, something else is the problem.
# To troubleshoot the problem, contact Microsoft support.
# Connector names are case sensitive.
$adConnector = {{AD_CONNECTOR}}
$aadConnector = {{AAD_CONNECTOR}}
Import-Module adsync
# PHS Doctor's addition: stop at the first error, and find both connectors before password sync is
# turned off (a name that doesn't exist stops the script here, not half-way with password sync off).
$ErrorActionPreference = 'Stop'
$null = Get-ADSyncConnector -Name $aadConnector
# Create a new Force Full Password Sync configuration parameter object
$c = Get-ADSyncConnector -Name $adConnector
# Update the existing connector with the following new configurations (the doc says to run each line separately).
# The doc writes String and ConnectorGlobal unquoted; in argument mode PowerShell reads both as the same strings.
$p = New-Object Microsoft.IdentityManagement.PowerShell.ObjectModel.ConfigurationParameter "Microsoft.Synchronize.ForceFullPasswordSync", "String", "ConnectorGlobal", $null, $null, $null
$p.Value = 1
$c.GlobalParameters.Remove($p.Name)
$c.GlobalParameters.Add($p)
$c = Add-ADSyncConnector -Connector $c
# Disable Entra ID Connect
Set-ADSyncAADPasswordSyncConfiguration -SourceConnector $adConnector -TargetConnector $aadConnector -Enable $false
# Enable Entra ID Connect to force full password synchronization
Set-ADSyncAADPasswordSyncConfiguration -SourceConnector $adConnector -TargetConnector $aadConnector -Enable $true
