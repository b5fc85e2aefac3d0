<?cs # visits/plan.cs — a plan of return visits (回访计划): the clients to choose from (filters of lib/list.c over clients), then the plan form: purpose, method, due date, visitor, staff consulted ?>
<div class="toolbar"><h1><?cs var:L.Visits.PlanTitle ?></h1></div>
<p class="hint"><?cs var:L.Visits.PlanIntro ?></p>
<form method="get" action="<?cs var:URL.visits ?>/plan" class="card filters" id="choose">
<?cs call:list_filter("type", L.Visits.ProjectType, Opt.Types) ?>
<?cs call:list_filter("tier", L.Visits.Tier, Opt.Tiers) ?>
<?cs call:list_filter("department", L.Visit.Department, Opt.Departments) ?>
<?cs call:field("visited_before", L.Visits.VisitedBefore, "date", 0) ?>
<?cs call:field("contact_before", L.Visits.ContactBefore, "date", 0) ?>
<?cs call:checkbox("projects", L.Visits.WithProjects) ?>
<?cs call:list_search() ?>
<div class="actions"><button type="submit"><?cs var:L.Common.Filter ?></button>
<a class="button" href="<?cs var:URL.visits ?>/plan"><?cs var:L.Common.Reset ?></a></div>
</form>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.visits ?>/plan" class="form card" id="plan"><?cs call:csrf() ?>
<input type="hidden" name="form_key" value="<?cs var:Form.form_key ?>">
<fieldset class="apply-group<?cs if:Form.client.Error ?> has-error<?cs /if ?>"><legend><?cs var:L.Visits.Clients ?> <span class="req" aria-hidden="true">*</span></legend>
<?cs call:field_error("client") ?>
<?cs if:subcount(Chosen) || subcount(Rows) ?><div class="table-wrap"><table class="clients">
<thead><tr><th scope="col"><?cs var:L.Visits.Choose ?></th><th scope="col"><?cs var:L.Visit.Client ?></th><th scope="col"><?cs var:L.Visits.Tier ?></th><th scope="col"><?cs var:L.Visit.Department ?></th><th scope="col"><?cs var:L.Visits.LastVisit ?></th><th scope="col"><?cs var:L.Visits.LastContact ?></th></tr></thead>
<tbody><?cs each:c = Chosen ?><tr><td><input type="checkbox" name="client" value="<?cs name:c ?>" id="client-<?cs name:c ?>" checked></td><td><label for="client-<?cs name:c ?>"><?cs var:c.name ?></label></td><td></td><td></td><td></td><td></td></tr>
<?cs /each ?><?cs each:r = Rows ?><?cs if:!Chosen[r.id] ?><tr><td><input type="checkbox" name="client" value="<?cs var:r.id ?>" id="client-<?cs var:r.id ?>"></td>
<td><label for="client-<?cs var:r.id ?>"><?cs var:r.name ?></label></td>
<td><?cs var:L.Visit.Tiers[r.tier] ?></td><td><?cs var:r.dept_name ?></td>
<td class="nowrap"><?cs if:r.last_visit ?><?cs var:r.last_visit ?><?cs else ?>—<?cs /if ?></td>
<td class="nowrap"><?cs if:r.last_contact_on ?><?cs var:r.last_contact_on ?><?cs else ?>—<?cs /if ?></td></tr>
<?cs /if ?><?cs /each ?></tbody></table></div><?cs else ?><p class="empty"><?cs var:L.Visits.NoClients ?></p><?cs /if ?>
<?cs call:list_pager() ?></fieldset>
<?cs call:textarea("purpose", L.Visits.Purpose, 1) ?>
<div class="form-grid">
<?cs call:select("method", L.Visit.Method, Opt.Methods, 1) ?>
<?cs call:field("due_on", L.Visit.DueOn, "date", 1) ?>
<?cs call:select("visitor", L.Visits.VisitorOptional, Opt.Visitors, 0) ?>
</div>
<p class="hint"><?cs var:L.Visits.PremiumHint ?></p>
<fieldset class="apply-group"><legend><?cs var:L.Visits.Staff ?></legend>
<?cs each:s = Opt.Staff ?><div class="field field-check"><input type="checkbox" name="staff" value="<?cs name:s ?>" id="staff-<?cs name:s ?>"<?cs if:Form.staff[name(s)] ?> checked<?cs /if ?>><label for="staff-<?cs name:s ?>"><?cs var:s ?></label></div>
<?cs /each ?></fieldset>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Visits.RegisterPlan ?></button></div>
</form>
