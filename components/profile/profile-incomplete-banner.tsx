import styles from "./profile.module.css";

export function ProfileIncompleteBanner() {
  return (
    <div className={styles.banner} role="status">
      <strong>Completa il profilo per emettere fatture</strong>I dati del profilo compaiono su ogni fattura e servono
      per l&apos;invio al Sistema Tessera Sanitaria.
    </div>
  );
}
