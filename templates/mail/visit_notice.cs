<?cs # A notice about one visit report to staff: Mail.Subject, Mail.Number,
  Mail.Client, Mail.Text (a person's own words), Mail.Guidance. ?><?cs
if:Mail.Part == "subject" ?><?cs var:Mail.Subject ?> <?cs var:Mail.Client ?><?cs
elif:Mail.Part == "text" ?><?cs var:L.VisitReview.Number ?>: <?cs var:Mail.Number ?>
<?cs var:L.VisitReview.Client ?>: <?cs var:Mail.Client ?>

<?cs var:L.VisitReview.ReturnReason ?>:
<?cs var:Mail.Text ?>
<?cs if:Mail.Guidance ?>
<?cs var:L.VisitReview.Guidance ?>:
<?cs var:Mail.Guidance ?>
<?cs /if ?>
-- 
<?cs var:L.AppName ?>
<?cs else ?><!doctype html>
<html lang="<?cs var:L.Lang ?>"><head><meta charset="utf-8"><title><?cs var:Mail.Subject ?></title></head>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong><?cs var:Mail.Subject ?> <?cs var:Mail.Client ?></strong></p>
<table style="border-collapse:collapse">
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.VisitReview.Number ?></th><td><?cs var:Mail.Number ?></td></tr>
<tr><th style="text-align:left;padding-right:1em"><?cs var:L.VisitReview.Client ?></th><td><?cs var:Mail.Client ?></td></tr>
</table>
<p><strong><?cs var:L.VisitReview.ReturnReason ?></strong></p>
<p style="white-space:pre-wrap"><?cs var:Mail.Text ?></p>
<?cs if:Mail.Guidance ?><p><strong><?cs var:L.VisitReview.Guidance ?></strong></p>
<p style="white-space:pre-wrap"><?cs var:Mail.Guidance ?></p><?cs /if ?>
<p style="color:#666">— <?cs var:L.AppName ?></p>
</body></html>
<?cs /if ?>
