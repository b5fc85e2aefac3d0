<?cs # projects_summary.cs — the progress summary (项目进度汇总表): per advisor and per department; printable (the print stylesheet drops the navigation and buttons; the print button is js/print.js, shown only with scripts) and CSV ?>
<?cs def:summary_table(rows, first, show_lead) ?><div class="table-wrap"><table class="summary">
<thead><tr><th scope="col"><?cs var:L.Projects.Department ?></th><?cs if:show_lead ?><th scope="col"><?cs var:L.Projects.Lead ?></th><?cs /if ?><th scope="col"><?cs var:L.Projects.Summary.Projects ?></th><th scope="col"><?cs var:L.Projects.Summary.Active ?></th><th scope="col"><?cs var:L.Projects.Summary.Steps ?></th><th scope="col"><?cs var:L.Projects.Summary.Met ?></th><th scope="col"><?cs var:L.Projects.Summary.Missed ?></th><th scope="col"><?cs var:L.Projects.Summary.Collections ?></th></tr></thead>
<tbody><?cs each:r = rows ?><tr<?cs if:r.missed > 0 ?> class="overdue"<?cs /if ?>><td><?cs var:r.dept_name ?></td><?cs if:show_lead ?><td><?cs if:r.lead_name ?><?cs var:r.lead_name ?><?cs else ?><?cs var:L.Projects.NoLead ?><?cs /if ?></td><?cs /if ?>
<td><?cs var:r.projects ?></td><td><?cs var:r.active ?></td><td><?cs var:r.steps_done ?> / <?cs var:r.steps_total ?></td><td><?cs var:r.met ?></td><td><?cs var:r.missed ?></td><td><?cs var:r.collections ?></td></tr><?cs /each ?></tbody></table></div><?cs /def ?>
<div class="summary-head"><h1><?cs var:L.Projects.Summary.Title ?></h1>
<div class="toolbar"><span class="hint" id="print-hint"><?cs var:L.Projects.Summary.Print ?></span><span class="spacer"></span>
<button type="button" id="print-button" data-print hidden><?cs var:L.Projects.Summary.PrintButton ?></button>
<a class="button" href="<?cs var:URL.projects ?>/summary/export"><?cs var:L.Common.Export ?></a></div></div>
<p class="hint"><?cs var:L.Projects.Summary.Asof ?> <?cs var:Summary.Today ?> · <?cs var:L.Projects.Summary.Hint ?></p>
<section class="card" aria-labelledby="h-adv"><h2 id="h-adv"><?cs var:L.Projects.Summary.PerAdvisor ?></h2>
<?cs if:subcount(ByAdvisor) ?><?cs call:summary_table(ByAdvisor, 0, 1) ?><?cs else ?><p class="empty"><?cs var:L.Projects.Empty ?></p><?cs /if ?></section>
<section class="card" aria-labelledby="h-dept"><h2 id="h-dept"><?cs var:L.Projects.Summary.PerDepartment ?></h2>
<?cs if:subcount(ByDepartment) ?><?cs call:summary_table(ByDepartment, 0, 0) ?><?cs else ?><p class="empty"><?cs var:L.Projects.Empty ?></p><?cs /if ?></section>
<p class="summary-sign"><?cs var:L.Projects.Summary.Signed ?></p>
<script src="<?cs var:App.Static ?>/js/print.js" defer></script>
