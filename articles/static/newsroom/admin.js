// One-click tag decisions without leaving the page (the forms still work without scripts).
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.classList.contains("suggestion-form")) return;
  event.preventDefault();
  const response = await fetch(form.action, {
    method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "same-origin",
  });
  if (!response.ok) { form.submit(); return; }
  const data = await response.json();
  const item = form.closest("li");
  item.dataset.state = data.state;
  item.querySelector(".state").textContent = data.state === "accepted" ? "已采用" : "已否决";
  if (data.state === "rejected") item.remove();
  else form.remove();
  // The form's own tag field follows, or saving the form would take the adopted tag off again.
  const field = document.getElementById("id_tags");
  if (field) field.value = data.tags.join(", ");
  const accepted = document.getElementById("accepted-tags");
  accepted.replaceChildren(...(data.tags.length ? data.tags.map((name) => {
    const span = document.createElement("span"); span.className = "tag"; span.textContent = name; return span;
  }) : [document.createTextNode("（无）")]));
});

// "Select all" for the correction preview.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!box.dataset || !box.dataset.selectAll) return;
  document.querySelectorAll(`input[name="${box.dataset.selectAll}"]`).forEach((b) => { b.checked = box.checked; });
});

// A workflow button (提交审核, 发布 ...) pressed with edits typed but not saved: the edits are
// saved first, then the step is taken, in one submission of the article form.
const articleForm = document.getElementById("article_form");
const formState = (form) => new URLSearchParams(new FormData(form)).toString();
const loadedState = articleForm ? formState(articleForm) : "";
document.addEventListener("submit", (event) => {
  const step = event.target;
  if (!articleForm || !step.classList.contains("workflow-form")) return;
  if (formState(articleForm) === loadedState) return;
  event.preventDefault();
  const carry = { _transition: step.elements.action.value, _comment: step.elements.comment ? step.elements.comment.value : "",
    _publish_at: step.elements.publish_at ? step.elements.publish_at.value : "" };
  for (const [name, value] of Object.entries(carry)) {
    const input = document.createElement("input");
    input.type = "hidden"; input.name = name; input.value = value;
    articleForm.appendChild(input);
  }
  const save = document.createElement("input");
  save.type = "hidden"; save.name = "_continue"; save.value = "1";
  articleForm.appendChild(save);
  articleForm.requestSubmit ? articleForm.requestSubmit() : articleForm.submit();
});
