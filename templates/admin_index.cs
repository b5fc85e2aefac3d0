<?cs # admin_index.cs — administration overview: the sections this user may use ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Title ?></h1>
<p class="muted"><?cs var:L.Admin.Intro ?></p>
<div class="grid">
<?cs if:Perm.admin_users ?><section class="card" aria-labelledby="h-users"><h2 id="h-users"><a href="<?cs var:URL.admin ?>/users"><?cs var:L.Admin.Nav.Users ?></a></h2><p><?cs var:L.Admin.Overview.Users ?></p></section>
<section class="card" aria-labelledby="h-depts"><h2 id="h-depts"><a href="<?cs var:URL.admin ?>/departments"><?cs var:L.Admin.Nav.Departments ?></a></h2><p><?cs var:L.Admin.Overview.Departments ?></p></section>
<?cs /if ?><?cs if:Perm.admin_calendar ?><section class="card" aria-labelledby="h-cal"><h2 id="h-cal"><a href="<?cs var:URL.admin ?>/calendar"><?cs var:L.Admin.Nav.Calendar ?></a></h2><p><?cs var:L.Admin.Overview.Calendar ?></p></section>
<?cs /if ?><?cs if:Perm.admin_settings ?><section class="card" aria-labelledby="h-settings"><h2 id="h-settings"><a href="<?cs var:URL.admin ?>/settings"><?cs var:L.Admin.Nav.Settings ?></a></h2><p><?cs var:L.Admin.Overview.Settings ?></p></section>
<section class="card" aria-labelledby="h-types"><h2 id="h-types"><a href="<?cs var:URL.admin ?>/project-types"><?cs var:L.Admin.Nav.Types ?></a></h2><p><?cs var:L.Admin.Overview.Types ?></p></section>
<section class="card" aria-labelledby="h-mail"><h2 id="h-mail"><a href="<?cs var:URL.admin ?>/mail"><?cs var:L.Admin.Nav.Mail ?></a></h2><p><?cs var:L.Admin.Overview.Mail ?></p></section>
<?cs /if ?><?cs if:Perm.audit_read ?><section class="card" aria-labelledby="h-audit"><h2 id="h-audit"><a href="<?cs var:URL.admin ?>/audit"><?cs var:L.Admin.Nav.Audit ?></a></h2><p><?cs var:L.Admin.Overview.Audit ?></p></section>
<?cs /if ?></div>
