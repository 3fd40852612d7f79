let s=599;const t=document.getElementById('t');setInterval(()=>{s=Math.max(0,s-1);t.textContent=String(Math.floor(s/60)).padStart(2,'0')+':'+String(s%60).padStart(2,'0')},1000);
