<?cs # A deadline warning or an escalation to staff (`guwen jobs`).
  Mail.Step (warn, manager, director), Mail.Tracking, Mail.Severity,
  Mail.DueLabel, Mail.Due (local time). ?><?cs
if:Mail.Step == "warn" ?><?cs set:subj = L.Complaints.Jobs.WarnSubject ?><?cs
elif:Mail.Step == "manager" ?><?cs set:subj = L.Complaints.Jobs.ManagerSubject ?><?cs
else ?><?cs set:subj = L.Complaints.Jobs.DirectorSubject ?><?cs /if ?><?cs
if:Mail.Part == "subject" ?><?cs var:subj ?> <?cs var:Mail.Tracking ?><?cs
elif:Mail.Part == "text" ?><?cs var:L.Complaint.Tracking ?>: <?cs var:Mail.Tracking ?>
<?cs var:L.Complaint.Severity ?>: <?cs var:Mail.Severity ?>
<?cs var:Mail.DueLabel ?>: <?cs var:Mail.Due ?>

<?cs var:L.Complaints.Jobs.Body ?>

-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:subj ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong><?cs var:subj ?></strong></p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaint.Tracking ?></th><td><?cs var:Mail.Tracking ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaint.Severity ?></th><td><?cs var:Mail.Severity ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:Mail.DueLabel ?></th><td><?cs var:Mail.Due ?></td></tr>
</table>
<p><?cs var:L.Complaints.Jobs.Body ?></p>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
