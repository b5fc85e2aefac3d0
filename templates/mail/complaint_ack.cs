<?cs # The acknowledgement to a complainant who gave an e-mail address.
  Mail.Name, Mail.Tracking, Mail.Code, Mail.StatusURL (empty when Mail.SiteURL
  is not configured). The code is never put in a link. ?><?cs
if:Mail.Part == "subject" ?><?cs var:L.Complaint.Mail.AckSubject ?> <?cs var:Mail.Tracking ?><?cs
elif:Mail.Part == "text" ?><?cs var:Mail.Name ?> <?cs var:L.Complaint.Mail.Hello ?>

<?cs var:L.Complaint.Mail.AckBody ?>

<?cs var:L.Complaint.Tracking ?>: <?cs var:Mail.Tracking ?>
<?cs var:L.Complaint.Code ?>: <?cs var:Mail.Code ?>
<?cs if:Mail.StatusURL ?>
<?cs var:L.Complaint.Mail.StatusPage ?>: <?cs var:Mail.StatusURL ?>
<?cs /if ?>
<?cs var:L.Complaint.Mail.KeepCode ?>

-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:L.Complaint.Mail.AckSubject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><?cs var:Mail.Name ?> <?cs var:L.Complaint.Mail.Hello ?></p>
<p><?cs var:L.Complaint.Mail.AckBody ?></p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaint.Tracking ?></th><td><strong><?cs var:Mail.Tracking ?></strong></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.Complaint.Code ?></th><td><strong><?cs var:Mail.Code ?></strong></td></tr>
</table><?cs
if:Mail.StatusURL ?>
<p><a href="<?cs var:Mail.StatusURL ?>"><?cs var:L.Complaint.Mail.StatusPage ?></a></p><?cs
/if ?>
<p><?cs var:L.Complaint.Mail.KeepCode ?></p>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
