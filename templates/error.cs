<?cs # error.cs — the one error page: a plain message, never details ?>
<section class="card narrow error-page">
<h1><?cs var:L.Error.Title ?> <small>(<?cs var:Page.Status ?>)</small></h1>
<p><?cs var:L.Error[Page.Status] ?></p>
<p><a href="<?cs var:URL.home ?>/"><?cs var:L.Error.Back ?></a></p>
</section>
