<?cs # applications_view.cs — one onboarding application: its data, what changed since the last round, every round, the licence scans, approve / reject ?>
<?cs call:form_errors() ?>
<div class="toolbar"><h1><?cs var:L.Applications.One ?> <?cs var:App.company_name ?></h1><span class="spacer"></span>
<span class="badge app-<?cs var:App.status ?>" id="app-status"><?cs var:L.Application.Statuses[App.status] ?></span>
<?cs if:App.trust == "suspect" ?><span class="badge overdue"><?cs var:L.Applications.Suspect ?> · <?cs var:L.Applications.Why[App.suspect_reason] ?></span><?cs /if ?></div>
<?cs if:Diff.Round ?><section class="card" aria-labelledby="h-diff" id="diff"><h2 id="h-diff"><?cs var:L.Applications.Changed ?> <small>· <?cs var:L.Applications.RoundShort ?> <?cs var:Diff.Round ?></small></h2>
<?cs if:Diff.Count > 0 ?><div class="table-wrap"><table class="diff"><thead><tr><th scope="col"><?cs var:L.Applications.Field ?></th><th scope="col"><?cs var:L.Applications.Before ?></th><th scope="col"><?cs var:L.Applications.After ?></th></tr></thead>
<tbody><?cs each:d = Diff.Fields ?><tr id="diff-<?cs var:d.col ?>"><th scope="row"><?cs var:L.Application[d.word] ?></th>
<?cs if:d.col == "licence_file_id" ?><td><?cs if:d.before ?><a href="<?cs var:URL.applications ?>/<?cs var:App.id ?>/file/<?cs var:d.before ?>"><?cs var:L.Applications.Download ?></a><?cs /if ?></td><td><a href="<?cs var:URL.applications ?>/<?cs var:App.id ?>/file/<?cs var:d.after ?>"><?cs var:L.Applications.NewFile ?></a></td>
<?cs else ?><td><del><?cs var:d.before ?></del></td><td><ins><?cs var:d.after ?></ins></td><?cs /if ?></tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p><?cs var:L.Applications.NoChange ?></p><?cs /if ?></section><?cs /if ?>
<div class="grid">
<section class="card" aria-labelledby="h-facts"><h2 id="h-facts"><?cs var:L.Applications.Current ?></h2>
<dl class="facts">
<dt><?cs var:L.Application.CompanyName ?></dt><dd><?cs var:App.company_name ?></dd>
<dt><?cs var:L.Application.Uscc ?></dt><dd><?cs var:App.uscc ?></dd>
<dt><?cs var:L.Application.ContactName ?></dt><dd><?cs var:App.contact_name ?></dd>
<?cs if:App.contact_phone ?><dt><?cs var:L.Application.ContactPhone ?></dt><dd><?cs var:App.contact_phone ?></dd><?cs /if ?>
<?cs if:App.contact_email ?><dt><?cs var:L.Application.ContactEmail ?></dt><dd><?cs var:App.contact_email ?></dd><?cs /if ?>
<dt><?cs var:L.Application.ServicesWanted ?></dt><dd><?cs var:App.ServiceWords ?></dd>
<dt><?cs var:L.Application.Submitted ?></dt><dd><?cs var:App.submitted_at ?></dd>
<?cs if:App.reviewer_name && App.status != "submitted" ?><dt><?cs var:L.Applications.Reviewer ?></dt><dd><?cs var:App.reviewer_name ?> · <?cs var:App.reviewed_at ?></dd><?cs /if ?>
<?cs if:App.client_id ?><dt><?cs var:L.Applications.Client ?></dt><dd><a id="client-link" href="<?cs var:URL.clients ?>/<?cs var:App.client_id ?>"><?cs var:App.client_name ?></a></dd><?cs /if ?>
</dl>
<?cs if:subcount(Files) ?><h3><?cs var:L.Application.Licence ?></h3><ul><?cs each:f = Files ?>
<li><a href="<?cs var:URL.applications ?>/<?cs var:App.id ?>/file/<?cs var:f.id ?>"><?cs var:f.orig_name ?></a> <small><?cs var:f.created_at ?></small></li><?cs /each ?></ul><?cs /if ?>
</section>
<?cs if:App.status == "submitted" ?><section class="card" aria-labelledby="h-decide"><h2 id="h-decide"><?cs var:L.Applications.Decide ?></h2>
<form method="post" action="<?cs var:URL.applications ?>/<?cs var:App.id ?>/approve" class="form"><?cs call:csrf() ?>
<p class="hint"><?cs var:L.Applications.ApproveHint ?></p>
<div class="actions"><button type="submit" class="primary" id="approve"><?cs var:L.Applications.Approve ?></button></div></form>
<form method="post" action="<?cs var:URL.applications ?>/<?cs var:App.id ?>/reject" class="form"><?cs call:csrf() ?>
<?cs call:textarea("reason", L.Applications.RejectReason, 1) ?>
<p class="hint"><?cs var:L.Applications.RejectHint ?></p>
<div class="actions"><button type="submit" id="reject"><?cs var:L.Applications.Reject ?></button></div></form>
</section><?cs /if ?>
</div>
<section class="card" aria-labelledby="h-rounds"><h2 id="h-rounds"><?cs var:L.Applications.Rounds ?></h2>
<ol class="rounds"><?cs each:r = Rounds ?><li id="round-<?cs var:r.round ?>"><strong><?cs var:r.submitted_at ?></strong> ·
<?cs var:r.company_name ?> · <?cs var:r.uscc ?> · <?cs var:r.contact_name ?> <?cs var:r.contact_phone ?> <?cs var:r.contact_email ?> · <?cs var:r.ServiceWords ?>
<?cs if:r.decision ?><br><span class="badge app-<?cs var:r.decision ?>"><?cs var:L.Application.Statuses[r.decision] ?></span> <?cs var:r.reviewer_name ?> <?cs var:r.decided_at ?><?cs if:r.reason ?>: <span class="pre"><?cs var:r.reason ?></span><?cs /if ?><?cs /if ?></li>
<?cs /each ?></ol></section>
