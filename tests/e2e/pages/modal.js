document.getElementById('open-modal').addEventListener('click', function () { document.getElementById('modal').showModal(); });
document.getElementById('close-modal').addEventListener('click', function () { document.getElementById('modal').close(); });
// The desk closes its modal on Escape too; the test checks which one closes first.
