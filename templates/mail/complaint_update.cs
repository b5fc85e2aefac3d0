<?cs # A reply or the resolution, to a complainant who gave an e-mail address.
  Mail.Subject, Mail.Name, Mail.Tracking, Mail.Text (what staff wrote),
  Mail.StatusURL (empty when Mail.SiteURL is not configured). ?><?cs
if:Mail.Part == "subject" ?><?cs var:Mail.Subject ?><?cs
elif:Mail.Part == "text" ?><?cs var:Mail.Name ?> <?cs var:L.Complaint.Mail.Hello ?>

<?cs var:L.Complaint.Tracking ?>: <?cs var:Mail.Tracking ?>

<?cs var:Mail.Text ?>

<?cs var:L.Complaints.Mail.Footer ?>
<?cs if:Mail.StatusURL ?><?cs var:L.Complaint.Mail.StatusPage ?>: <?cs var:Mail.StatusURL ?>
<?cs /if ?>
-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:Mail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><?cs var:Mail.Name ?> <?cs var:L.Complaint.Mail.Hello ?></p>
<p><?cs var:L.Complaint.Tracking ?>: <strong><?cs var:Mail.Tracking ?></strong></p>
<p style="white-space:pre-wrap"><?cs var:Mail.Text ?></p>
<p><?cs var:L.Complaints.Mail.Footer ?><?cs if:Mail.StatusURL ?> <a href="<?cs var:Mail.StatusURL ?>"><?cs var:L.Complaint.Mail.StatusPage ?></a><?cs /if ?></p>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
