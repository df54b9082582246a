// The page of `lkjip serve`: upload one workbook, follow its stages, show the outcome.
// All text shown comes from the server (the same sentences as the CLI) or from index.html.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  let info = null;
  let pollTimer = null;
  let problems = [];
  let sortState = { key: "no", asc: true };

  function show(id, visible) { $(id).hidden = !visible; }

  function setState(state) { document.body.dataset.state = state; }

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function error(message) {
    $("galat").textContent = message;
    show("galat", true);
    show("kemajuan", false);
    setState("gagal");
  }

  function reset() {
    if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
    ["galat", "masalah", "hasil", "kemajuan"].forEach((id) => show(id, false));
  }

  function renderStages(stages, running) {
    const list = $("tahap");
    list.textContent = "";
    stages.forEach((s) => {
      const li = document.createElement("li");
      li.textContent = s.label;
      li.className = s.state || "menunggu";
      li.dataset.key = s.key;
      list.appendChild(li);
    });
    if (!running) {
      const li = document.createElement("li");
      li.textContent = "Menunggu giliran…";
      li.className = "berjalan";
      list.prepend(li);
    }
  }

  // Cells like "B12" sort by column letters, then row number; other text after them.
  function cellKey(text) {
    const m = /^([A-Z]+)(\d+)/.exec(text || "");
    if (!m) return [1, 0, "", text || ""];
    return [0, m[1].length, m[1], Number(m[2])];
  }

  function compare(a, b, key) {
    if (key === "no") return a.no - b.no;
    if (key === "sel") {
      const ka = cellKey(a.sel), kb = cellKey(b.sel);
      for (let i = 0; i < ka.length; i++) {
        if (ka[i] < kb[i]) return -1;
        if (ka[i] > kb[i]) return 1;
      }
      return a.no - b.no;
    }
    const r = String(a[key] || "").localeCompare(String(b[key] || ""), "id");
    if (r) return r;
    if (key === "sheet") return compare(a, b, "sel");
    return a.no - b.no;
  }

  function renderProblems() {
    const body = $("tabel-masalah").tBodies[0];
    body.textContent = "";
    const rows = problems.slice().sort((a, b) => compare(a, b, sortState.key));
    if (!sortState.asc) rows.reverse();
    rows.forEach((p) => {
      const tr = document.createElement("tr");
      cell(tr, p.no);
      cell(tr, p.sheet);
      cell(tr, p.sel);
      cell(tr, p.masalah);
      cell(tr, p.ditemukan);
      cell(tr, p.diharapkan);
      tr.title = p.pesan;
      body.appendChild(tr);
    });
    $("tabel-masalah").querySelectorAll("th").forEach((th) => {
      if (th.dataset.kolom === sortState.key) {
        th.setAttribute("aria-sort", sortState.asc ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }

  function renderResult(st) {
    $("ringkasan-hasil").textContent = st.summary;
    const list = $("unduhan");
    list.textContent = "";
    st.files.forEach((f) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = f.url;
      a.textContent = f.name;
      a.setAttribute("download", f.name);
      li.appendChild(a);
      const span = document.createElement("span");
      span.className = "kecil";
      span.textContent = " — " + f.label + ", " + Math.max(1, Math.round(f.size / 1024)) + " KB";
      li.appendChild(span);
      list.appendChild(li);
    });
    // The server deletes the files once each has been downloaded: say so then.
    const pending = new Set(st.files.map((f) => f.name));
    const delivered = (names) => {
      names.forEach((n) => pending.delete(n));
      if (pending.size === 0) {
        $("terhapus").hidden = false;
      }
    };
    list.querySelectorAll("a").forEach((a) => {
      a.addEventListener("click", () => delivered([a.textContent]));
    });
    $("unduh-zip").href = st.zip_url;
    $("unduh-zip").onclick = () => delivered(st.files.map((f) => f.name));
    $("terhapus").hidden = true;
    $("judul-catatan").textContent = st.notes_heading;
    const body = $("tabel-catatan").tBodies[0];
    body.textContent = "";
    st.notes.forEach((n) => {
      const tr = document.createElement("tr");
      cell(tr, n.no);
      cell(tr, n.lokasi);
      cell(tr, n.temuan);
      body.appendChild(tr);
    });
    show("tabel-catatan", st.notes.length > 0);
    renderKesiapan(st);
    show("hasil", true);
  }

  // The self-check against the LKE AKIP: one row per criterion, its status coloured.
  function renderKesiapan(st) {
    const rows = st.kesiapan || [];
    $("judul-kesiapan").textContent = st.kesiapan_heading || "";
    $("ringkas-kesiapan").textContent = st.kesiapan_ringkas || "";
    const body = $("tabel-kesiapan").tBodies[0];
    body.textContent = "";
    rows.forEach((k) => {
      const tr = document.createElement("tr");
      cell(tr, k.kode);
      cell(tr, k.kriteria);
      const status = cell(tr, k.status);
      status.className = "status-" + k.kelas;
      cell(tr, k.catatan ? k.bukti + ". " + k.catatan : k.bukti + ".");
      cell(tr, k.lengkapi.join("\n"));
      body.appendChild(tr);
    });
    show("kesiapan", rows.length > 0);
  }

  function render(st) {
    $("nama-berkas").textContent = st.name;
    if (st.state === "menunggu" || st.state === "berjalan") {
      renderStages(st.stages, st.state === "berjalan");
      return false;
    }
    show("kemajuan", false);
    if (st.state === "tidak_valid") {
      $("ringkasan-masalah").textContent = st.summary;
      problems = st.problems;
      sortState = { key: "no", asc: true };
      renderProblems();
      show("masalah", true);
    } else if (st.state === "selesai") {
      renderResult(st);
    } else {
      error(st.summary || "Hasil ini sudah dihapus dari server; unggah workbook lagi.");
      return true;
    }
    setState(st.state);
    return true;
  }

  async function poll(url) {
    try {
      const res = await fetch(url, { cache: "no-store" });
      const st = await res.json();
      if (!res.ok) { error(st.pesan); return; }
      if (!render(st)) pollTimer = setTimeout(() => poll(url), 300);
    } catch (e) {
      error("Server tidak menjawab. Pastikan lkjip serve masih berjalan, lalu coba lagi.");
    }
  }

  async function upload(file) {
    reset();
    if (!file) return;
    if (info && file.size > info.max_bytes) {
      error(info.too_large.template.replace("{nama}", file.name)
        .replace("{ukuran}", String(Math.floor(file.size / (1024 * 1024)))));
      return;
    }
    setState("berjalan");
    $("nama-berkas").textContent = file.name;
    renderStages((info ? info.stages : []).map((s) => ({ ...s, state: "menunggu" })), true);
    show("kemajuan", true);
    const form = new FormData();
    form.append("berkas", file, file.name);
    try {
      const res = await fetch("/api/unggah", { method: "POST", body: form });
      const body = await res.json();
      if (!res.ok) { error(body.pesan); return; }
      poll(body.status_url);
    } catch (e) {
      error("Unggahan gagal: server tidak menjawab atau menolak berkas ini.");
    }
  }

  async function start() {
    try {
      const res = await fetch("/api/info", { cache: "no-store" });
      info = await res.json();
    } catch (e) {
      info = null;
    }
    if (info) {
      $("batas").textContent = "Satu workbook, paling besar " + info.too_large.max_mb + " MB.";
      $("contoh").hidden = !info.sample_url;
      $("kosong").hidden = !info.blank_url;
      if (info.ttl_text) $("ttl").textContent = info.ttl_text;
    }
    const input = $("berkas");
    input.addEventListener("change", () => {
      const file = input.files[0];
      upload(file);
      input.value = "";
    });
    const zone = $("zona");
    ["dragenter", "dragover"].forEach((ev) => zone.addEventListener(ev, (e) => {
      e.preventDefault();
      zone.classList.add("aktif");
    }));
    ["dragleave", "drop"].forEach((ev) => zone.addEventListener(ev, () => {
      zone.classList.remove("aktif");
    }));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      const files = e.dataTransfer && e.dataTransfer.files;
      if (files && files.length > 1) {
        error("Letakkan satu workbook saja setiap kali.");
        return;
      }
      if (files && files.length) upload(files[0]);
    });
    // A file dropped beside the zone must not make the browser open (leave) the page.
    window.addEventListener("dragover", (e) => e.preventDefault());
    window.addEventListener("drop", (e) => e.preventDefault());
    $("tabel-masalah").querySelectorAll("th").forEach((th) => {
      th.querySelector("button").addEventListener("click", () => {
        const key = th.dataset.kolom;
        sortState = { key: key, asc: sortState.key === key ? !sortState.asc : true };
        renderProblems();
      });
    });
    setState("siap");
  }

  document.addEventListener("DOMContentLoaded", start);
})();
