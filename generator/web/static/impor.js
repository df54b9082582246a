// The page's budget import: upload the workbook and finance exports one by one, show what
// each is (the server tells by content), let the user set a role where it cannot tell,
// then run the import and offer the new workbook and its reconciliation.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const ROLES = [["", "pilih…"], ["workbook", "workbook masukan"], ["murni", "anggaran murni"],
                 ["perubahan", "anggaran perubahan"], ["realisasi", "realisasi"],
                 ["abaikan", "abaikan"]];
  let importId = null;
  const skpd = new Set();

  function error(text) {
    $("impor-galat").textContent = text;
    $("impor-galat").hidden = false;
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return { pesan: "Server tidak menjawab." }; }
  }

  function row(entry) {
    const tr = document.createElement("tr");
    const name = document.createElement("td");
    name.textContent = entry.nama;
    const kind = document.createElement("td");
    kind.textContent = entry.label + (entry.pesan ? " — " + entry.pesan : "");
    const role = document.createElement("td");
    const select = document.createElement("select");
    select.dataset.nama = entry.nama;
    select.setAttribute("aria-label", "Peran " + entry.nama);
    ROLES.forEach(([value, label]) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label;
      select.appendChild(option);
    });
    select.value = entry.jenis === "rusak" ? "abaikan" : (entry.peran || "");
    role.appendChild(select);
    tr.append(name, kind, role);
    $("impor-tabel").querySelector("tbody").appendChild(tr);
  }

  async function addFiles(files) {
    $("impor-galat").hidden = true;
    $("impor-hasil").hidden = true;
    if (!importId) {
      const started = await fetch("/api/impor", { method: "POST" });
      const body = await json(started);
      if (!started.ok) { error(body.pesan); return; }
      importId = body.id;
    }
    for (const file of files) {
      const form = new FormData();
      form.append("berkas", file, file.name);
      const sent = await fetch(`/api/impor/${importId}/berkas`, { method: "POST", body: form });
      const entry = await json(sent);
      if (!sent.ok) { error(entry.pesan); continue; }
      row(entry);
      (entry.skpd || []).forEach((s) => skpd.add(s));
    }
    const list = $("impor-daftar-skpd");
    list.textContent = "";
    skpd.forEach((s) => {
      const option = document.createElement("option");
      option.value = s.split(" ")[0];
      option.label = s;
      list.appendChild(option);
    });
    $("impor-tabel").hidden = false;
    $("impor-pilihan").hidden = false;
  }

  async function run() {
    $("impor-galat").hidden = true;
    $("impor-hasil").hidden = true;
    const peran = {};
    document.querySelectorAll("#impor-tabel select").forEach((s) => {
      peran[s.dataset.nama] = s.value;
    });
    $("impor-jalankan").disabled = true;
    try {
      const response = await fetch(`/api/impor/${importId}/jalankan`, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ peran, skpd: $("impor-skpd").value,
                               sub_unit: $("impor-sub-unit").value }) });
      const body = await json(response);
      if (!response.ok) {
        error([body.pesan].concat(body.masalah || []).join("\n"));
        return;
      }
      $("impor-ringkasan").textContent = body.pesan;
      const list = $("impor-unduhan");
      list.textContent = "";
      body.unduhan.forEach((f) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = f.url;
        a.textContent = `${f.label}: ${f.nama}`;
        li.appendChild(a);
        list.appendChild(li);
      });
      $("impor-teks").textContent = body.rekonsiliasi;
      $("impor-hasil").hidden = false;
    } finally {
      $("impor-jalankan").disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("impor-berkas").addEventListener("change", (event) => {
      addFiles(Array.from(event.target.files));
      event.target.value = "";
    });
    $("impor-jalankan").addEventListener("click", run);
    // Files dropped anywhere on the section are taken like chosen ones.
    const zone = $("impor");
    ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (event) => {
      event.preventDefault();
      event.stopPropagation();
      zone.classList.add("aktif");
    }));
    ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, (event) => {
      event.preventDefault();
      event.stopPropagation();
      zone.classList.remove("aktif");
    }));
    zone.addEventListener("drop", (event) => {
      const files = Array.from((event.dataTransfer || {}).files || []);
      if (files.length) addFiles(files);
    });
  });
})();
