<?cs # A mail to staff about one complaint: a director alert (c, d) or a referral
  to market. Mail.Subject, Mail.Tracking, Mail.Severity, Mail.Name, Mail.Company,
  Mail.Client, Mail.Text (the complaint or the referral). ?><?cs
if:Mail.Part == "subject" ?><?cs var:Mail.Subject ?> <?cs var:Mail.Tracking ?><?cs
elif:Mail.Part == "text" ?><?cs var:L.Complaint.Tracking ?>: <?cs var:Mail.Tracking ?>
<?cs var:L.Complaint.Severity ?>: <?cs var:Mail.Severity ?>
<?cs var:L.Complaints.Complainant ?>: <?cs var:Mail.Name ?> <?cs var:Mail.Company ?>
<?cs var:L.Complaint.Client ?>: <?cs var:Mail.Client ?>

<?cs var:Mail.Text ?>

<?cs var:L.Complaints.Jobs.Body ?>

-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:Mail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong><?cs var:Mail.Subject ?></strong></p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaint.Tracking ?></th><td><?cs var:Mail.Tracking ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaint.Severity ?></th><td><?cs var:Mail.Severity ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaints.Complainant ?></th><td><?cs var:Mail.Name ?> <?cs var:Mail.Company ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaint.Client ?></th><td><?cs var:Mail.Client ?></td></tr>
</table>
<p style="white-space:pre-wrap"><?cs var:Mail.Text ?></p>
<p><?cs var:L.Complaints.Jobs.Body ?></p>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
