<?cs # admin_macros.cs — what the admin pages share: the section links, a filter select with "all", a word with %s filled in ?><?cs
def:admin_nav() ?><nav class="admin-nav" aria-label="<?cs var:L.Admin.Nav.Label ?>">
<a href="<?cs var:URL.admin ?>/"<?cs if:Admin.Section == "overview" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Overview ?></a>
<?cs if:Perm.admin_users ?><a href="<?cs var:URL.admin ?>/users"<?cs if:Admin.Section == "users" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Users ?></a>
<a href="<?cs var:URL.admin ?>/departments"<?cs if:Admin.Section == "departments" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Departments ?></a>
<?cs /if ?><?cs if:Perm.admin_calendar ?><a href="<?cs var:URL.admin ?>/calendar"<?cs if:Admin.Section == "calendar" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Calendar ?></a>
<?cs /if ?><?cs if:Perm.admin_settings ?><a href="<?cs var:URL.admin ?>/settings"<?cs if:Admin.Section == "settings" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Settings ?></a>
<a href="<?cs var:URL.admin ?>/project-types"<?cs if:Admin.Section == "project_types" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Types ?></a>
<a href="<?cs var:URL.admin ?>/mail"<?cs if:Admin.Section == "mail" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Mail ?></a>
<?cs /if ?><?cs if:Perm.audit_read ?><a href="<?cs var:URL.admin ?>/audit"<?cs if:Admin.Section == "audit" ?> aria-current="page"<?cs /if ?>><?cs var:L.Admin.Nav.Audit ?></a>
<?cs /if ?></nav>
<?cs /def ?><?cs # fill: the word msg with its %s replaced by value ?><?cs
def:fill(msg, value) ?><?cs if:string.find(msg, "%s") >= 0 ?><?cs var:string.slice(msg, 0, string.find(msg, "%s")) ?><?cs var:value ?><?cs var:string.slice(msg, string.find(msg, "%s") + 2, string.length(msg)) ?><?cs else ?><?cs var:msg ?><?cs /if ?><?cs /def ?>
