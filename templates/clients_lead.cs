<?cs # clients_lead.cs — the form that adds a lead to a client: the staff who may lead, by name ?>
<?cs call:form_errors() ?>
<div class="toolbar"><h1><?cs var:L.Clients.AddLead ?> · <a href="<?cs var:URL.clients ?>/<?cs var:Client.id ?>"><?cs var:Client.name ?></a></h1></div>
<section class="card"><form method="post" action="<?cs var:URL.clients ?>/<?cs var:Client.id ?>/leads" class="form"><?cs call:csrf() ?>
<?cs call:select("user", L.Clients.AddLead, Opt.Users, 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Clients.AddLead ?></button>
<a class="button" href="<?cs var:URL.clients ?>/<?cs var:Client.id ?>"><?cs var:L.Common.Cancel ?></a></div></form></section>
