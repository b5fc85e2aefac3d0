<?cs # visits/print.cs — the visit report 《客户回访情况表》 for paper (A4, htdocs/css/guwen.css @page): the visit's facts, the report as filled or lines to fill by hand, signature lines for the client and the visitor; no actions ?>
<article class="print-sheet visit-sheet" aria-labelledby="h-print">
<p class="no-print hint"><?cs var:L.Visit.PrintHint ?> · <a href="<?cs var:URL.visits ?>/<?cs var:V.id ?>"><?cs var:L.Visit.Back ?></a></p>
<h1 id="h-print"><?cs var:L.Visit.ReportTitle ?></h1>
<p class="print-subject"><?cs var:L.Visit.Number ?> #<?cs var:V.id ?> · <?cs var:L.Visit.Methods[V.method] ?></p>
<table class="visit-form">
<tr><th scope="row"><?cs var:L.Visit.Client ?></th><td id="print-client"><?cs var:V.client_name ?></td><th scope="row"><?cs var:L.Visit.Contact ?></th><td><?cs var:V.contact_name ?><?cs if:V.contact_role ?> · <?cs alt:L.Visit.Role[V.contact_role] ?><?cs var:V.contact_role ?><?cs /alt ?><?cs /if ?></td></tr>
<tr><th scope="row"><?cs var:L.Visit.Visitor ?></th><td><?cs var:V.visitor_name ?><?cs if:V.dept_name ?> · <?cs var:V.dept_name ?><?cs /if ?></td><th scope="row"><?cs var:L.Visit.VisitedOn ?></th><td><?cs if:V.visited_on ?><?cs var:V.visited_on ?><?cs else ?>&nbsp;<?cs /if ?></td></tr>
<?cs if:V.agreed_topics ?><tr><th scope="row"><?cs var:L.Visit.AgreedTopics ?></th><td colspan="3" class="pre"><?cs var:V.agreed_topics ?></td></tr><?cs /if ?>
<tr><th scope="row"><?cs var:L.Visit.Discussed ?></th><td colspan="3" class="pre fill"><?cs var:V.discussed ?></td></tr>
<tr><th scope="row"><?cs var:L.Visit.Opinions ?></th><td colspan="3" class="pre fill"><?cs var:V.opinions ?></td></tr>
<tr><th scope="row"><?cs var:L.Visit.Satisfaction ?></th><td colspan="3" id="print-satisfaction"><?cs loop:i = 1, 5, 1 ?><span class="choice"><?cs if:V.satisfaction == i ?>☑<?cs else ?>☐<?cs /if ?> <?cs var:i ?> <?cs var:L.Visit.Levels[i] ?></span> <?cs /loop ?></td></tr>
<tr><th scope="row"><?cs var:L.Visit.Actions ?></th><td colspan="3" class="pre fill"><?cs var:V.actions ?></td></tr>
</table>
<div class="sign-row">
<p class="print-sign visit-sign" id="sign-client"><?cs var:L.Visit.SignClient ?></p>
<p class="print-sign visit-sign" id="sign-visitor"><?cs var:L.Visit.SignVisitor ?></p>
</div>
</article>
