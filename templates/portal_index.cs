<?cs # portal_index.cs — the public start: complaint form, status look-up, onboarding application ?>
<section class="card narrow">
<h1><?cs var:L.Portal.Title ?></h1>
<p><?cs var:L.Portal.Intro ?></p>
<ul class="portal-links">
<li><a class="button primary" href="<?cs var:URL.portal ?>/complaint"><?cs var:L.Portal.Complaint.Title ?></a></li>
<li><a class="button" href="<?cs var:URL.portal ?>/complaint/status"><?cs var:L.Portal.Status.Title ?></a></li>
<li><a class="button" href="<?cs var:URL.portal ?>/apply"><?cs var:L.Portal.Apply.Title ?></a></li>
</ul>
</section>
