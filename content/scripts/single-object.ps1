# One object isn't synchronizing passwords: troubleshoot by using the diagnostic cmdlet.
# Needs Microsoft Entra Connect 1.1.524.0 or later. Run in Windows PowerShell as administrator
# after `Set-ExecutionPolicy RemoteSigned` (or Unrestricted).
Import-Module ADSyncDiagnostics
Invoke-ADSyncDiagnostics -PasswordSync -ADConnectorName {{AD_CONNECTOR}} -DistinguishedName {{DN}}
