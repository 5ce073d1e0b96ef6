package dev.weft.dashboard;

import dev.weft.accounts.AccountException;
import dev.weft.accounts.AccountService;
import dev.weft.accounts.User;
import dev.weft.accounts.WeftUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-up and the login page (the login POST itself is Spring Security's form login). */
@Controller
class AuthController {

    private final AccountService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/dashboard";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/signup")
    String signupForm() {
        return "signup";
    }

    /** Creates the account and its personal workspace, and logs the new user in. */
    @PostMapping("/signup")
    String signup(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        User user;
        try {
            user = accounts.signUp(new AccountService.SignUp(email, password, name));
        } catch (AccountException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            return "signup";
        }
        WeftUser principal = new WeftUser(user.id(), user.email(), user.displayName(), "");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        request.getSession(true);
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/dashboard";
    }
}
