<?cs # The visit content mailed to the client after the visitor reviewed it:
  Mail.Client, Mail.Text (the visitor's edited text). ?><?cs
if:Mail.Part == "subject" ?><?cs var:L.VisitMail.Subject ?> <?cs var:Mail.Client ?><?cs
elif:Mail.Part == "text" ?><?cs var:Mail.Text ?>

-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:L.VisitMail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong><?cs var:L.VisitMail.Subject ?> <?cs var:Mail.Client ?></strong></p>
<p style="white-space:pre-wrap"><?cs var:Mail.Text ?></p>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
